package com.fintechlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a reader of the chart checks: every figure readable, above its bar and its target, crossed by no line. */
class RatioChartTest {

    private final Graphics2D g = new BufferedImage(RatioChart.WIDTH, RatioChart.HEIGHT, BufferedImage.TYPE_INT_RGB)
            .createGraphics();

    @AfterEach
    void dispose() {
        g.dispose();
    }

    @Test
    void noValueLabelTouchesABarOrATargetMarkAndEveryLabelIsInsideThePicture() {
        RatioChart.Layout layout = RatioChart.layout(g, verdicts());

        assertThat(layout.bars()).hasSize(7);
        Rectangle picture = new Rectangle(0, 0, RatioChart.WIDTH, RatioChart.HEIGHT);
        for (RatioChart.Bar bar : layout.bars()) {
            assertThat(picture.contains(bar.valueBox())).as(bar.label()).isTrue();
            assertThat(bar.valueBox().y).as(bar.label() + ": below the plot's top").isGreaterThanOrEqualTo(layout.plot().y);
            for (RatioChart.Bar other : layout.bars()) {
                assertThat(bar.valueBox().intersects(other.bar())).as(bar.label() + " over the bar of " + other.label()).isFalse();
                assertThat(bar.valueBox().intersects(other.targetMark())).as(bar.label() + " over the target of " + other.label())
                        .isFalse();
                if (other != bar) {
                    assertThat(bar.valueBox().intersects(other.valueBox())).as(bar.label() + " and " + other.label()).isFalse();
                }
            }
        }
    }

    @Test
    void aBarBelowItsTargetHasItsFigureAboveTheTargetMarkAndABarAboveItsTargetAboveTheBar() {
        RatioChart.Layout layout = RatioChart.layout(g, verdicts());

        RatioChart.Bar pin = bar(layout, "PIN login (mode 1)");
        assertThat(pin.met()).isFalse();
        assertThat(pin.targetMark().y).as("the target is above the bar's top").isLessThan(pin.bar().y);
        assertThat(pin.valueBox().y + pin.valueBox().height).isLessThanOrEqualTo(pin.targetMark().y);

        RatioChart.Bar getToken = bar(layout, "Get Token");
        assertThat(getToken.met()).isTrue();
        assertThat(getToken.valueBox().y + getToken.valueBox().height).isLessThanOrEqualTo(getToken.bar().y);
    }

    @Test
    void barsAreColoredByTheScenarioTheyAreJudgedAgainstAndTheLegendNamesIt() {
        RatioChart.Layout layout = RatioChart.layout(g, verdicts());

        assertThat(layout.legend().keySet()).containsExactly("Keycloak password grant", "Keycloak client-credentials grant",
                "Mobile sign-in");
        assertThat(bar(layout, "PIN login (mode 1)").color()).isEqualTo(bar(layout, "Device login (mode 2)").color())
                .isNotEqualTo(bar(layout, "Get Token").color());
    }

    @Test
    void longNamesAreWrappedToTheirBarsWidth() {
        RatioChart.Layout layout = RatioChart.layout(g, verdicts());

        RatioChart.Bar partner = bar(layout, "Partner, encrypted payload");
        assertThat(partner.nameLines()).hasSizeGreaterThan(1);
        assertThat(String.join(" ", partner.nameLines())).isEqualTo("Partner, encrypted payload");
    }

    private static RatioChart.Bar bar(RatioChart.Layout layout, String label) {
        return layout.bars().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow();
    }

    /** A run like the PostgreSQL figures: some targets met, PIN and device below theirs, Get Token far above. */
    private static List<Verdict> verdicts() {
        return Verdict.of(List.of(
                m("password-grant", "Keycloak password grant", null, 0, 52),
                m("client-credentials-grant", "Keycloak client-credentials grant", null, 0, 776),
                m("email-password", "Email/password", "password-grant", 0.95, 54.6),
                m("card-portal", "Card portal, checksum", "password-grant", 0.95, 55.5),
                m("partner", "Partner, encrypted payload", "password-grant", 0.95, 49),
                m("mobile-sign-in", "Mobile sign-in", "client-credentials-grant", 0.7, 466),
                m("pin-login", "PIN login (mode 1)", "mobile-sign-in", 0.9, 326),
                m("device-login", "Device login (mode 2)", "mobile-sign-in", 0.8, 287),
                m("get-token", "Get Token", "client-credentials-grant", 1.0, 1500)));
    }

    private static Measurement m(String id, String label, String baseline, double target, double perSecond) {
        Optional<Target> judged = baseline == null ? Optional.empty() : Optional.of(new Target(baseline, target));
        return new Measurement(id, label, judged, 8, 30, Math.round(perSecond * 30), 0, perSecond, 1, 2, 3, List.of(),
                CpuShares.UNKNOWN);
    }
}
