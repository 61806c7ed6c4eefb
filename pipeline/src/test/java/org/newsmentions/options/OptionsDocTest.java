package org.newsmentions.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.junit.jupiter.api.Test;

/**
 * Keeps the options table in {@code docs/running.md} equal to the options' own
 * {@code @Description}s and {@code @Default}s. Only this project's interfaces (package {@code
 * org.newsmentions.options}) are listed, not Beam's own options such as {@code --runner}.
 *
 * <p>When the table is out of date the test fails and prints the expected table. Run it with {@code
 * -DupdateDocs=true} to rewrite the table in place instead.
 */
class OptionsDocTest {
  static final String START = "<!-- options-table:start -->";
  static final String END = "<!-- options-table:end -->";

  /** The project's option interfaces, in the order NewsMentionsOptions extends them. */
  static List<Class<?>> projectInterfaces() {
    Set<Class<?>> found = new LinkedHashSet<>();
    collect(NewsMentionsOptions.class, found);
    found.remove(NewsMentionsOptions.class);
    return new ArrayList<>(found);
  }

  private static void collect(Class<?> type, Set<Class<?>> found) {
    if (!type.getPackageName().equals(NewsMentionsOptions.class.getPackageName())) {
      return;
    }
    if (found.add(type)) {
      for (Class<?> parent : type.getInterfaces()) {
        collect(parent, found);
      }
    }
  }

  /** The table as the options declare it: one row per getter. */
  static String expectedTable() {
    StringBuilder table = new StringBuilder();
    table.append("| option | default | description |\n");
    table.append("|---|---|---|\n");
    for (Class<?> options : projectInterfaces()) {
      // getDeclaredMethods has no defined order: sort by name within each interface.
      Method[] methods = options.getDeclaredMethods();
      Arrays.sort(methods, Comparator.comparing(OptionsDocTest::optionName));
      for (Method getter : methods) {
        if (!isGetter(getter)) {
          continue;
        }
        Description description = getter.getAnnotation(Description.class);
        if (description == null) {
          fail(options.getSimpleName() + "." + getter.getName() + " has no @Description");
        }
        table
            .append("| `--")
            .append(optionName(getter))
            .append("` | ")
            .append(defaultOf(getter))
            .append(" | ")
            .append(cell(description.value()))
            .append(" |\n");
      }
    }
    return table.toString();
  }

  private static boolean isGetter(Method method) {
    if (method.isSynthetic()
        || method.getParameterCount() != 0
        || Modifier.isStatic(method.getModifiers())
        || method.isDefault()) {
      return false;
    }
    String name = method.getName();
    return (name.startsWith("get") && name.length() > 3)
        || (name.startsWith("is")
            && name.length() > 2
            && (method.getReturnType() == boolean.class
                || method.getReturnType() == Boolean.class));
  }

  /** The option's command-line name, as Beam derives it from the getter. */
  static String optionName(Method getter) {
    String name = getter.getName();
    String property = name.startsWith("get") ? name.substring(3) : name.substring(2);
    if (property.isEmpty()) {
      return name;
    }
    return Character.toLowerCase(property.charAt(0)) + property.substring(1);
  }

  /** The value of the getter's {@code @Default.*} annotation, or "(none)". */
  static String defaultOf(Method getter) {
    for (Annotation annotation : getter.getAnnotations()) {
      Class<? extends Annotation> type = annotation.annotationType();
      if (type.getEnclosingClass() != Default.class) {
        continue;
      }
      if (annotation instanceof Default.InstanceFactory) {
        return "(computed)";
      }
      Object value;
      try {
        value = type.getMethod("value").invoke(annotation);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + type.getName(), e);
      }
      if (value instanceof Class<?>) {
        value = ((Class<?>) value).getSimpleName();
      }
      return "`" + cell(String.valueOf(value)) + "`";
    }
    return "(none)";
  }

  /** Text as one Markdown table cell: a pipe would end the cell. */
  private static String cell(String text) {
    return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
  }

  /** docs/running.md: -Ddocs.running=PATH, else ../docs (Maven's cwd is pipeline/), else docs. */
  static Path runningMd() {
    String property = System.getProperty("docs.running");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    Path fromModule = Path.of("..", "docs", "running.md");
    if (Files.exists(fromModule)) {
      return fromModule;
    }
    return Path.of("docs", "running.md");
  }

  @Test
  void optionsTableMatchesTheDescriptions() throws IOException {
    Path doc = runningMd();
    assertTrue(Files.exists(doc), "cannot find " + doc.toAbsolutePath());
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    assertTrue(
        start >= 0 && end > start,
        doc + " must hold the options table between " + START + " and " + END);
    String actual = text.substring(start + START.length(), end).strip() + "\n";
    String expected = expectedTable();
    if (actual.equals(expected)) {
      return;
    }
    if (Boolean.getBoolean("updateDocs")) {
      String updated =
          text.substring(0, start + START.length()) + "\n" + expected + text.substring(end);
      Files.writeString(doc, updated, StandardCharsets.UTF_8);
      System.out.println("OptionsDocTest: rewrote the options table in " + doc.toAbsolutePath());
      return;
    }
    assertEquals(
        expected,
        actual,
        "The options table in "
            + doc.toAbsolutePath().normalize()
            + " differs from the @Description/@Default annotations in"
            + " org.newsmentions.options. Regenerate it with\n"
            + "  mvn -B -ntp -q -pl pipeline -am test -Dtest=OptionsDocTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -DupdateDocs=true\n"
            + "or paste this table between the markers:\n\n"
            + expected
            + "\n");
  }

  @Test
  void listsOnlyThisProjectsOptions() {
    String table = expectedTable();
    assertTrue(table.contains("| `--input` |"), table);
    assertTrue(table.contains("| `--waitUntilFinish` | `true` |"), table);
    assertFalse(table.contains("`--runner`"), table);
    assertFalse(table.contains("`--streaming`"), table);
  }
}
