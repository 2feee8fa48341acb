package com.fintechlogin.keycloak.limit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * An H2 database whose connections note every statement prepared on them, as sent: Hibernate's and the plain JDBC ones
 * the store runs itself, which a Hibernate statement inspector never sees.
 */
final class RecordingDataSource {

    /** A statement as executed: its SQL and the values bound to it, by position. */
    record Executed(String sql, Map<Integer, Object> values) {
    }

    private RecordingDataSource() {
    }

    /**
     * The database at {@code url}: each statement's SQL is added to {@code statements} when prepared, and each execution
     * of a prepared statement to {@code executed}.
     */
    static DataSource of(String url, List<String> statements, List<Executed> executed) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        h2.setPassword("");
        return (DataSource) Proxy.newProxyInstance(RecordingDataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(h2, method, args);
                    return result instanceof Connection connection ? recording(connection, statements, executed) : result;
                });
    }

    private static Connection recording(Connection connection, List<String> statements, List<Executed> executed) {
        return (Connection) Proxy.newProxyInstance(RecordingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    if (method.getName().equals("unwrap") && args[0] == Connection.class) {
                        // The store unwraps a pool's connection to reach the database's: this one is as good.
                        return proxy;
                    }
                    Object result = invoke(connection, method, args);
                    return result instanceof PreparedStatement statement && args != null && args[0] instanceof String sql
                            ? recording(statement, sql, executed) : result;
                });
    }

    private static PreparedStatement recording(PreparedStatement statement, String sql, List<Executed> executed) {
        Map<Integer, Object> values = new TreeMap<>();
        return (PreparedStatement) Proxy.newProxyInstance(RecordingDataSource.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("set") && args != null && args.length >= 2
                            && args[0] instanceof Integer index) {
                        values.put(index, args[1]);
                    } else if (method.getName().startsWith("execute") && (args == null || args.length == 0)) {
                        executed.add(new Executed(sql, java.util.Collections.unmodifiableMap(new TreeMap<>(values))));
                    } else if (method.getName().equals("clearParameters")) {
                        values.clear();
                    }
                    return invoke(statement, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
