<#import "template.ftl" as layout>
<#--
  The HTML body every credential notice shares; the same attributes and texts as
  text/fintech-notice.ftl. Messages hold no markup, so every value is escaped.
-->
<#macro notice body advice="fintechNoticeNotYou">
<#setting locale=locale.toLanguageTag()>
<#setting time_zone="UTC">
<#local when = changedAt?datetime?string["d MMMM yyyy, HH:mm 'UTC'"]>
<@layout.emailLayout>
<p><#if user.firstName?has_content>${msg("fintechNoticeGreetingName", user.firstName)}<#else>${msg("fintechNoticeGreeting")}</#if></p>
<p>${msg(body, when)}</p>
<#if appName??>
<p>${msg("fintechNoticeApp", appName)}</p>
</#if>
<p><strong>${msg(advice)}</strong></p>
<p>${msg("fintechNoticeFooter", realmName)}</p>
</@layout.emailLayout>
</#macro>
