package com.fintechlogin.keycloak.identify;

import java.util.List;
import java.util.Objects;

import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.SimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * User-profile validator {@value #ID}: no other user of the realm may hold the same value of the attribute.
 * Used for the attributes logins find users by ({@code mobile}, {@code accountNumber}).
 */
public final class UniqueAttributeValidator implements SimpleValidator {

    public static final String ID = "unique-attribute";
    /** Shown as is where no theme translates it. */
    static final String MESSAGE = "Another user already has this value";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public ValidationContext validate(Object input, String attribute, ValidationContext context, ValidatorConfig config) {
        if (!(input instanceof List<?> values) || values.isEmpty() || !(values.get(0) instanceof String value) || value.isBlank()) {
            return context;
        }
        UserModel user = UserProfileAttributeValidationContext.from(context).getAttributeContext().getUser();
        if (user != null && Objects.equals(user.getFirstAttribute(attribute), value)) {
            return context;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = session.getContext().getRealm();
        boolean taken = UsersByAttribute.holders(session, realm, attribute, value).stream()
                .anyMatch(holder -> user == null || !holder.getId().equals(user.getId()));
        if (taken) {
            context.addError(new ValidationError(ID, attribute, MESSAGE).setStatusCode(Response.Status.CONFLICT));
        }
        return context;
    }
}
