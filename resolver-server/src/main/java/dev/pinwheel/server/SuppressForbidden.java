package dev.pinwheel.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts a class from forbiddenapis' {@code jdk-non-portable} check, which lists every {@code com.sun.*} class,
 * including {@code com.sun.net.httpserver}: the JDK's supported and exported {@code jdk.httpserver} API that
 * this server is built on. Used only on the two classes that touch it.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@interface SuppressForbidden {
}
