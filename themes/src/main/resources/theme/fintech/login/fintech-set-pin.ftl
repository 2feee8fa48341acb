<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "fintech-commons.ftl" as fintech>
<#--
  "Set PIN" required action.
  Attributes: pinLength (number of digits), weakPinsAllowed (false adds the rule against
  repeated digits, straight runs and common PINs), currentPinRequired (true when the user has a PIN: it is
  asked first). isAppInitiatedAction (set by Keycloak) adds Cancel.
  Fields: currentPin, pin, pinConfirm. Field errors: messagesPerField 'currentPin', 'pin' and 'pinConfirm'.
-->
<#assign pinDigits = fintech.digits(pinLength!'')>
<#assign weakAllowed = fintech.flag(weakPinsAllowed!false, false)>
<#assign hasRules = pinDigits?has_content || !weakAllowed>
<#assign askCurrent = fintech.flag(currentPinRequired!false, false)>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: fintech-set-pin.ftl -->
  <#if section = "header">
    ${msg("fintechSetPinTitle")}
  <#elseif section = "form">
    <@fintech.labelAttemptedUsername/>
    <@fintech.alert show=!messagesPerField.existsError('currentPin', 'pin', 'pinConfirm')/>
    <form id="kc-set-pin-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
          novalidate="novalidate" onsubmit="login.disabled = true; return true;">
      <#if hasRules>
        <div id="fintech-set-pin-rules" class="${properties.kcFormGroupClass!} fintech-rules">
          <#if pinDigits?has_content>
            <p id="fintech-set-pin-rule-length">${msg("fintechSetPinRuleLength", pinDigits)}</p>
          </#if>
          <#if !weakAllowed>
            <p id="fintech-set-pin-rule-weak">${msg("fintechSetPinRuleWeak")}</p>
          </#if>
        </div>
      </#if>
      <#if askCurrent>
        <@fintech.pin name="currentPin" label=msg("fintechCurrentPin") length=pinDigits autocomplete="current-password"
                autofocus=true/>
      </#if>
      <@fintech.pin name="pin" label=msg("fintechNewPin") length=pinDigits autocomplete="new-password"
              autofocus=!askCurrent hints=hasRules?then("fintech-set-pin-rules", "")/>
      <@fintech.pin name="pinConfirm" label=msg("fintechConfirmPin") length=pinDigits autocomplete="new-password"/>

      <@buttons.actionGroup horizontal=true>
        <@buttons.button id="kc-submit" name="login" label="doSubmit"/>
        <#if isAppInitiatedAction??>
          <@buttons.button id="kc-cancel" name="cancel-aia" value="true" type="secondary" label="doCancel"/>
        </#if>
      </@buttons.actionGroup>
    </form>
  </#if>
</@layout.registrationLayout>
