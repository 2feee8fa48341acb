<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "social-providers.ftl" as identityProviders>
<#import "fintech-commons.ftl" as fintech>
<#--
  First step of the PIN sign-in: who is signing in.
  Attributes: username (optional) refills the field after a failed attempt.
  Field: username. Field error: messagesPerField 'username'.
-->
<#assign showRegistration = realm.password && realm.registrationAllowed && !registrationDisabled??>
<@layout.registrationLayout displayMessage=false displayInfo=showRegistration; section>
<!-- template: fintech-identifier.ftl -->
  <#if section = "header">
    ${msg("fintechIdentifierTitle")}
  <#elseif section = "form">
    <@fintech.labelAttemptedUsername/>
    <@fintech.alert show=!messagesPerField.existsError('username')/>
    <div id="kc-form">
      <div id="kc-form-wrapper">
        <form id="kc-form-login" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
              novalidate="novalidate" onsubmit="login.disabled = true; return true;">
          <@fintech.input name="username" label=msg("fintechUsernameOrMobile") value=(username!'')
                  autocomplete="username" autofocus=true/>
          <@buttons.actionGroup>
            <@buttons.button id="kc-login" name="login" label="doContinue"/>
          </@buttons.actionGroup>
        </form>
      </div>
    </div>
  <#elseif section = "socialProviders">
    <#if realm.password && social?? && social.providers?? && social.providers?has_content>
      <@identityProviders.show social=social/>
    </#if>
  <#elseif section = "info">
    <#if showRegistration>
      <div id="kc-registration">
        <span>${msg("noAccount")} <a href="${url.registrationUrl}">${msg("doRegister")}</a></span>
      </div>
    </#if>
  </#if>
</@layout.registrationLayout>
