package dev.heed;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout's rules, checked on the compiled main classes of every module (the reactor puts audio,
 * models, streams and eval on this test's classpath; test classes and test jars are left out).
 */
class ArchitectureTest {

    private static JavaClasses heed;

    @BeforeAll
    static void importMainClasses() {
        heed =
                new ClassFileImporter()
                        .withImportOption(
                                location ->
                                        !location.contains("/test-classes/")
                                                && !location.contains("-tests.jar"))
                        .importPackages("dev.heed");
    }

    @Test
    void shouldSeeEveryModule() {
        for (String pkg :
                new String[] {
                    "dev.heed.audio", "dev.heed.models", "dev.heed.streams", "dev.heed.eval.cli"
                }) {
            org.assertj.core.api.Assertions.assertThat(heed.containPackage(pkg)).as(pkg).isTrue();
        }
    }

    @Test
    void shouldHaveNoCyclesBetweenPackages() {
        slices().matching("dev.heed.(**)").should().beFreeOfCycles().check(heed);
    }

    @Test
    void shouldKeepModelsAndAudioFreeOfKafkaAndOfTheModulesAboveThem() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.heed.models..", "dev.heed.audio..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "dev.heed.streams..", "dev.heed.eval..")
                .check(heed);
        noClasses()
                .that()
                .resideInAPackage("dev.heed.audio..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.heed.models..")
                .check(heed);
    }

    @Test
    void shouldKeepEvaluationAndTrainingOutOfTheRuntime() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.heed.streams..", "dev.heed.models..", "dev.heed.audio..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.heed.eval..")
                .check(heed);
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.heed.streams..",
                        "dev.heed.models",
                        "dev.heed.models.internal",
                        "dev.heed.models.attention..",
                        "dev.heed.models.nn..",
                        "dev.heed.models.formats..",
                        "dev.heed.models.forecasting..",
                        "dev.heed.models.speech..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.heed.models.training..", "dev.heed.models.data..")
                .because("heed run needs neither training nor training data")
                .check(heed);
    }

    @Test
    void shouldUseInternalPackagesOnlyFromTheirOwnConcern() {
        ArchRule rule =
                classes()
                        .should(
                                new ArchCondition<JavaClass>(
                                        "use an internal package only from its own concern") {
                                    @Override
                                    public void check(JavaClass origin, ConditionEvents events) {
                                        for (Dependency d :
                                                origin.getDirectDependenciesFromSelf()) {
                                            String target = d.getTargetClass().getPackageName();
                                            int at = target.indexOf(".internal");
                                            if (!target.startsWith("dev.heed.") || at < 0) {
                                                continue;
                                            }
                                            String owner = target.substring(0, at);
                                            String from = origin.getPackageName();
                                            if (!from.equals(owner)
                                                    && !from.startsWith(owner + ".")) {
                                                events.add(
                                                        SimpleConditionEvent.violated(
                                                                d, d.getDescription()));
                                            }
                                        }
                                    }
                                });
        rule.check(heed);
    }
}
