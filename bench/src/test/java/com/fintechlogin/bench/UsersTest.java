package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UsersTest {

    @Test
    void theFailureMixNamesNoUserMobileOrAccountOfTheSuccessLoad() {
        Set<String> load = new HashSet<>();
        for (int i = 0; i < 64 * Users.USERS_PER_WORKER; i++) {
            Users.Worker worker = Users.worker(i);
            load.addAll(List.of(worker.username(), worker.email(), worker.mobile(), worker.accountNumber(), worker.deviceId()));
        }
        for (int i = 0; i < 100_000; i += 997) {
            load.addAll(List.of(Users.populationMobile(i), Users.populationAccountNumber(i), Users.populationDeviceId(i)));
        }
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < Users.REFUSED_PER_CREDENTIAL; i++) {
            for (Users.Refused user : List.of(Users.refusedPasswordUser(i), Users.refusedPinUser(i))) {
                refused.addAll(List.of(user.username(), user.email(), user.mobile(), user.accountNumber(), user.deviceId()));
            }
        }
        refused.add(Users.unknownMobile(0));
        refused.add(Users.unknownMobile(123_456));

        assertThat(refused).doesNotContainAnyElementsOf(load).doesNotHaveDuplicates();
        assertThat(Users.unknownMobile(7)).hasSize(10).startsWith("3");
        assertThat(Users.refusedPasswordUser(0).mobile()).startsWith("2");
        assertThat(Users.refusedPinUser(0).accountNumber()).startsWith("6").hasSize(12);
    }

    @Test
    void theWrongCredentialsAreNotTheRightOnes() {
        assertThat(Users.WRONG_PASSWORD).isNotEqualTo(Users.PASSWORD);
        assertThat(Users.WRONG_PIN).isNotEqualTo(Users.PIN).hasSameSizeAs(Users.PIN);
    }

    @Test
    void theRefusedUsersAreImportedWithAPasswordAPinAndADevice() {
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> users = (List<java.util.Map<String, Object>>) Users.refusedImport().get("users");

        assertThat(users).hasSize(2 * Users.REFUSED_PER_CREDENTIAL).allSatisfy(user -> assertThat(((List<?>) user.get("credentials"))
                .stream().map(c -> (Object) ((java.util.Map<?, ?>) c).get("type")).toList()).containsExactly("password", "pin", "device"));
    }
}
