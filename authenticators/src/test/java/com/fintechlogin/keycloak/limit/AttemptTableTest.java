package com.fintechlogin.keycloak.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.persistence.Column;
import jakarta.persistence.Table;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Liquibase changelog and the JPA mapping describe the same table, and Keycloak can find both. */
class AttemptTableTest {

    @Test
    void theChangelogCreatesExactlyTheColumnsTheEntityMaps() throws Exception {
        // The table's columns as all the changesets together leave them: createTable, then each addColumn.
        Map<String, String> created = new LinkedHashMap<>();
        NodeList columns = changelog().getElementsByTagName("column");
        for (int i = 0; i < columns.getLength(); i++) {
            Element column = (Element) columns.item(i);
            created.put(column.getAttribute("name"), column.getAttribute("type"));
        }

        Map<String, String> mapped = new LinkedHashMap<>();
        for (var field : CredentialAttemptEntity.class.getDeclaredFields()) {
            Column column = field.getAnnotation(Column.class);
            if (column != null) {
                mapped.put(column.name(), field.getType() == String.class ? "VARCHAR(" + column.length() + ")"
                        : field.getType() == int.class ? "INT" : "BIGINT");
            }
        }

        assertThat(created).isEqualTo(mapped);
    }

    @Test
    void columnsAddedToTheTableHaveADefaultForTheRowsAlreadyThere() throws Exception {
        NodeList added = changelog().getElementsByTagName("addColumn");
        assertThat(added.getLength()).isPositive();
        for (int i = 0; i < added.getLength(); i++) {
            Element addColumn = (Element) added.item(i);
            assertThat(addColumn.getAttribute("tableName")).isEqualTo(createTable().getAttribute("tableName"));
            Element column = (Element) addColumn.getElementsByTagName("column").item(0);
            assertThat(column.getAttribute("defaultValueNumeric")).as(column.getAttribute("name")).isNotEmpty();
        }
    }

    @Test
    void theUniqueConstraintIsTheOneTheEntityDeclares() throws Exception {
        Element unique = (Element) changelog().getElementsByTagName("addUniqueConstraint").item(0);
        var declared = CredentialAttemptEntity.class.getAnnotation(Table.class).uniqueConstraints()[0];

        assertThat(unique.getAttribute("tableName")).isEqualTo(createTable().getAttribute("tableName"))
                .isEqualTo(CredentialAttemptEntity.class.getAnnotation(Table.class).name());
        assertThat(unique.getAttribute("constraintName")).isEqualTo(declared.name());
        assertThat(Arrays.stream(unique.getAttribute("columnNames").split(",")).map(String::trim))
                .containsExactly(declared.columnNames());
    }

    @Test
    void keycloakFindsTheFactoryAndTheChangelog() throws IOException {
        String services = resource("META-INF/services/"
                + org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory.class.getName());

        assertThat(services.lines().map(String::trim))
                .contains(AttemptsJpaEntityProviderFactory.class.getName());
        AttemptsJpaEntityProvider provider =
                (AttemptsJpaEntityProvider) new AttemptsJpaEntityProviderFactory().create(null);
        assertThat(getClass().getClassLoader().getResource(provider.getChangelogLocation())).isNotNull();
        assertThat(provider.getEntities()).containsExactly(CredentialAttemptEntity.class);
        assertThat(provider.getFactoryId()).isEqualTo(AttemptsJpaEntityProviderFactory.ID);
    }

    private static Element createTable() throws Exception {
        return (Element) changelog().getElementsByTagName("createTable").item(0);
    }

    private static Document changelog() throws Exception {
        try (InputStream in = AttemptTableTest.class.getClassLoader()
                .getResourceAsStream(AttemptsJpaEntityProvider.CHANGELOG)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AttemptTableTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
