<#--
  Building blocks shared by the fintech pages (fintech-*.ftl).

  They use the CSS classes of keycloak.v2 (properties from its theme.properties), so the
  pages look like the rest of Keycloak's login screens, and add what the stock field.ftl and
  template.ftl leave out:
  - each input names its error text (and any hint) with aria-describedby, and carries
    aria-invalid="true" only when it is in error;
  - the error container of a field is a live region that is always in the page;
  - the page message is drawn with role="alert" (the layout's own box has no role), so the
    pages pass displayMessage=false to the layout and call <@alert/> instead.
-->

<#-- A number attribute as plain digits ("4", never "4.0" or "1,000"); strings pass through. -->
<#function digits value>
  <#if value?is_number>
    <#return value?c>
  </#if>
  <#return value?string>
</#function>

<#-- Reads a boolean attribute that the Java side may hand over as Boolean or as "true"/"false". -->
<#function flag value fallback>
  <#if value?is_boolean>
    <#return value>
  </#if>
  <#if value?is_string>
    <#return value?lower_case == "true">
  </#if>
  <#return fallback>
</#function>

<#-- The error text of one field, or "" when that field has no error. -->
<#function fieldError name>
  <#if messagesPerField.existsError(name)>
    <#return messagesPerField.get(name)>
  </#if>
  <#return "">
</#function>

<#-- The page message (success, info, warning or error), announced to screen readers. -->
<#macro alert show=true>
  <#if show && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
    <div id="fintech-alert" role="alert"
         class="${properties.kcAlertClass!} pf-m-${(message.type = 'error')?then('danger', message.type)}">
      <div class="${properties.kcAlertIconClass!}">
        <span class="${properties['kcFeedback' + message.type?cap_first + 'Icon']!}" aria-hidden="true"></span>
      </div>
      <span class="${properties.kcAlertTitleClass!} kc-feedback-text">${message.summary}</span>
    </div>
  </#if>
</#macro>

<#-- Label above, the control (nested) in the middle, the error region below. -->
<#macro group name label error="">
  <div class="${properties.kcFormGroupClass}">
    <div class="${properties.kcFormGroupLabelClass}">
      <label for="${name}" class="${properties.kcFormLabelClass}">
        <span class="${properties.kcFormLabelTextClass}">${label}</span>
      </label>
    </div>

    <#nested>

    <div id="input-error-container-${name}" aria-live="polite">
      <#if error?has_content>
        <div class="${properties.kcFormHelperTextClass}">
          <div class="${properties.kcInputHelperTextClass}">
            <div id="input-error-${name}" class="${properties.kcInputHelperTextItemClass} ${properties.kcError}">
              <span class="${properties.kcInputErrorMessageClass}">${error}</span>
            </div>
          </div>
        </div>
      </#if>
    </div>
  </div>
</#macro>

<#-- The ids an input points at with aria-describedby: given hints first, then its own error. -->
<#function describedBy name error hints>
  <#local ids = hints?trim>
  <#if error?has_content>
    <#local ids = (ids + " input-error-" + name)?trim>
  </#if>
  <#return ids>
</#function>

<#macro errorIcon invalid>
  <#if invalid>
    <span class="${properties.kcFormControlUtilClass}">
      <span class="${properties.kcInputErrorIconStatusClass}">
        <i class="${properties.kcInputErrorIconClass}" aria-hidden="true"></i>
      </span>
    </span>
  </#if>
</#macro>

<#--
  One input. error: the text to show under it ("" for none). invalid: mark it in error even
  when its text is shown elsewhere; hints: further ids for aria-describedby (for example the
  id of the field that shows a shared error). Empty optional attributes are left out.
-->
<#macro input name label value="" type="text" autocomplete="off" autofocus=false required=false
        inputmode="" pattern="" minlength="" maxlength="" inputClass=""
        error=fieldError(name) invalid=error?has_content hints="">
  <#local ids = describedBy(name, error, hints)>
  <@group name=name label=label error=error>
    <span class="${properties.kcInputClass} <#if invalid>${properties.kcError}</#if> ${inputClass}">
      <input id="${name}" name="${name}" type="${type}" value="${value}" autocomplete="${autocomplete}"<#if
          inputmode?has_content> inputmode="${inputmode}"</#if><#if
          pattern?has_content> pattern="${pattern}"</#if><#if
          minlength?has_content> minlength="${minlength}"</#if><#if
          maxlength?has_content> maxlength="${maxlength}"</#if><#if
          required> required</#if><#if
          autofocus> autofocus</#if><#if
          invalid> aria-invalid="true"</#if><#if
          ids?has_content> aria-describedby="${ids}"</#if>/>
      <@errorIcon invalid=invalid/>
    </span>
  </@group>
</#macro>

<#--
  A password with keycloak.v2's show/hide button (its js/passwordVisibility.js, loaded by the
  layout, wires every [data-password-toggle] button to the input named in aria-controls).
-->
<#macro password name label value="" autocomplete="off" autofocus=false required=false forgotPassword=false
        error=fieldError(name) invalid=error?has_content hints="">
  <#local ids = describedBy(name, error, hints)>
  <@group name=name label=label error=error>
    <div class="${properties.kcInputGroup}">
      <div class="${properties.kcInputGroupItemClass} ${properties.kcFill}">
        <span class="${properties.kcInputClass} <#if invalid>${properties.kcError}</#if>">
          <input id="${name}" name="${name}" type="password" value="${value}" autocomplete="${autocomplete}"<#if
              required> required</#if><#if
              autofocus> autofocus</#if><#if
              invalid> aria-invalid="true"</#if><#if
              ids?has_content> aria-describedby="${ids}"</#if>/>
          <@errorIcon invalid=invalid/>
        </span>
      </div>
      <div class="${properties.kcInputGroupItemClass}">
        <button id="${name}-show-password" type="button" class="${properties.kcFormPasswordVisibilityButtonClass}"
                aria-label="${msg('showPassword')}" aria-controls="${name}" data-password-toggle
                data-icon-show="${properties.kcFormPasswordVisibilityIconShow}"
                data-icon-hide="${properties.kcFormPasswordVisibilityIconHide}"
                data-label-show="${msg('showPassword')}" data-label-hide="${msg('hidePassword')}">
          <i class="${properties.kcFormPasswordVisibilityIconShow}" aria-hidden="true"></i>
        </button>
      </div>
    </div>
    <#if forgotPassword>
      <div class="${properties.kcFormHelperTextClass}">
        <div class="${properties.kcInputHelperTextClass}">
          <div class="${properties.kcInputHelperTextItemClass}">
            <span class="${properties.kcInputHelperTextItemTextClass}">
              <a id="fintech-forgot-password" href="${url.loginResetCredentialsUrl}">${msg("doForgotPassword")}</a>
            </span>
          </div>
        </div>
      </div>
    </#if>
  </@group>
</#macro>

<#-- A masked numeric PIN box; length is the PIN length as text ("" when unknown). -->
<#macro pin name label length="" autocomplete="off" autofocus=false error=fieldError(name) hints="">
  <@input name=name label=label type="password" autocomplete=autocomplete autofocus=autofocus required=true
          inputmode="numeric" pattern="[0-9]*" minlength=length maxlength=length inputClass="fintech-pin"
          error=error hints=hints/>
</#macro>

<#--
  When the layout shows the user chosen earlier, its read-only box has id
  "kc-attempted-username" while its label says for="username", which on these pages names no
  element, so the box has no accessible name. Point that label at the box. Call this after
  the layout has drawn the box (in the "form" section).
-->
<#macro labelAttemptedUsername>
  <#if auth?has_content && auth.showUsername()>
    <script>
      (function () {
        var box = document.getElementById("kc-attempted-username");
        var label = document.querySelector('label[for="username"]');
        if (box && label && !document.getElementById("username")) {
          label.htmlFor = box.id;
        }
      })();
    </script>
  </#if>
</#macro>
