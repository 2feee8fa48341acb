<#ftl output_format="plainText">
<#--
  The plain-text body every credential notice shares. Attributes of the event listener
  fintech-credential-mail: changedAt (a date), appName (only when the change came through an
  app of the realm); of Keycloak: user, realmName, locale, msg. Nothing identifies a device
  and no PIN is ever given to a template.
  body: the message key of what happened ({0}: when); advice: what to do if it was not the user.
-->
<#macro notice body advice="fintechNoticeNotYou">
<#setting locale=locale.toLanguageTag()>
<#setting time_zone="UTC">
<#local when = changedAt?datetime?string["d MMMM yyyy, HH:mm 'UTC'"]>
<#if user.firstName?has_content>${msg("fintechNoticeGreetingName", user.firstName)}<#else>${msg("fintechNoticeGreeting")}</#if>

${msg(body, when)}
<#if appName??>
${msg("fintechNoticeApp", appName)}
</#if>

${msg(advice)}

${msg("fintechNoticeFooter", realmName)}
</#macro>
