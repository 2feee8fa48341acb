package com.fintechlogin.keycloak.token;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.provider.ProviderConfigProperty;

/** A token mapper of the project: the admin chooses the claim name, its JSON type and which tokens get it. */
abstract class ClaimMapper extends AbstractOIDCProtocolMapper {

    private final List<ProviderConfigProperty> config;

    ClaimMapper() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(properties);
        OIDCAttributeMapperHelper.addJsonTypeConfig(properties);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, getClass());
        this.config = List.copyOf(properties);
    }

    @Override
    public final String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigProperties() {
        return config;
    }
}
