<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "fintech-commons.ftl" as fintech>
<#--
  PIN step. The layout shows the user chosen in the previous step with its restart button.
  Attributes: pinLength (number of digits), pinUsable (false when the PIN is locked or not
  set: then only the page message and a "start over" link are shown).
  Field: pin. Field error: messagesPerField 'pin'.
-->
<#assign usable = fintech.flag(pinUsable!true, true)>
<#assign pinDigits = fintech.digits(pinLength!'')>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: fintech-pin.ftl -->
  <#if section = "header">
    ${msg("fintechPinTitle")}
  <#elseif section = "form">
    <@fintech.labelAttemptedUsername/>
    <#if usable>
      <@fintech.alert show=!messagesPerField.existsError('pin')/>
      <form id="kc-pin-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
            novalidate="novalidate" onsubmit="login.disabled = true; return true;">
        <@fintech.pin name="pin" label=pinDigits?has_content?then(msg("fintechPinLabel", pinDigits), msg("fintechPin"))
                length=pinDigits autocomplete="off" autofocus=true/>
        <@buttons.actionGroup>
          <@buttons.button id="kc-login" name="login" label="doLogIn"/>
        </@buttons.actionGroup>
      </form>
    <#else>
      <@fintech.alert/>
      <div id="fintech-pin-unavailable" class="${properties.kcFormClass!}">
        <@buttons.actionGroup>
          <@buttons.buttonLink id="fintech-start-over" href=url.loginRestartFlowUrl label="fintechStartOver"/>
        </@buttons.actionGroup>
      </div>
    </#if>
  </#if>
</@layout.registrationLayout>
