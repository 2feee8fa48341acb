package com.fintechlogin.keycloak.settings;

import java.util.function.Predicate;

import org.keycloak.models.RealmModel;

/**
 * What a setting's check may consult besides the value: the realm it is set in (its clients and roles) and that realm's
 * vault, asked only whether an entry exists, never for its value.
 *
 * @param realm         the realm the setting is stored in, or whose client holds it
 * @param vaultHasEntry whether the realm's vault has a non-empty entry under a key
 */
public record SettingScope(RealmModel realm, Predicate<String> vaultHasEntry) {
}
