<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "social-providers.ftl" as identityProviders>
<#import "fintech-commons.ftl" as fintech>
<#--
  Card-portal sign-in with mobile number and password.
  Attributes: mobile (optional) refills the mobile number after a failed attempt.
  Fields: mobile, password. A 'mobile' or 'password' field error is shown once, under the
  password, and marks both inputs as invalid.
-->
<#assign failed = messagesPerField.existsError('mobile', 'password')>
<#assign showRegistration = realm.password && realm.registrationAllowed && !registrationDisabled??>
<@layout.registrationLayout displayMessage=false displayInfo=showRegistration; section>
<!-- template: fintech-mobile-password.ftl -->
  <#if section = "header">
    ${msg("fintechMobilePasswordTitle")}
  <#elseif section = "form">
    <@fintech.labelAttemptedUsername/>
    <@fintech.alert show=!failed/>
    <div id="kc-form">
      <div id="kc-form-wrapper">
        <form id="kc-form-login" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
              novalidate="novalidate" onsubmit="login.disabled = true; return true;">
          <@fintech.input name="mobile" label=msg("fintechMobileLabel") value=(mobile!'') type="tel"
                  inputmode="numeric" autocomplete="tel-national" maxlength="10" autofocus=true
                  error="" invalid=failed hints=failed?then("input-error-password", "")/>
          <@fintech.password name="password" label=msg("password") autocomplete="current-password"
                  forgotPassword=realm.resetPasswordAllowed
                  error=messagesPerField.getFirstError('mobile', 'password') invalid=failed/>
          <@buttons.actionGroup>
            <@buttons.button id="kc-login" name="login" label="doLogIn"/>
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
