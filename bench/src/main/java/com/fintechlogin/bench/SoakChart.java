package com.fintechlogin.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The soak at a glance: heap after a full GC (left axis) and user sessions with the bound expiry allows (right axis),
 * minute by minute.
 */
final class SoakChart {

    static {
        // Before any AWT class initializes: the soak runs on servers and build machines without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private static final Color HEAP_COLOR = new Color(0x1f, 0x77, 0xb4);
    private static final Color SESSIONS_COLOR = new Color(0xff, 0x7f, 0x0e);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 6f}, 0f);

    private SoakChart() {
    }

    static byte[] png(SoakResult result) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(500).title(result.title() + ": heap and user sessions")
                .xAxisTitle("minute of the soak").yAxisTitle("heap after full GC (MiB)").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(1, "user sessions");
        chart.getStyler().setYAxisMin(0, 0.0);
        chart.getStyler().setYAxisMin(1, 0.0);

        List<SoakSample> withHeap = result.samples().stream().filter(SoakSample::hasHeap).toList();
        if (!withHeap.isEmpty()) {
            XYSeries heap = chart.addSeries("heap after full GC (MiB)", minutes(withHeap),
                    withHeap.stream().mapToDouble(s -> s.heapBytes() / (1024.0 * 1024.0)).toArray());
            heap.setLineColor(HEAP_COLOR);
            heap.setMarkerColor(HEAP_COLOR);
            heap.setMarker(SeriesMarkers.CIRCLE);
        }
        List<SoakSample> all = result.samples();
        XYSeries sessions = chart.addSeries("user sessions", minutes(all), all.stream().mapToDouble(SoakSample::sessions).toArray());
        sessions.setYAxisGroup(1);
        sessions.setLineColor(SESSIONS_COLOR);
        sessions.setMarkerColor(SESSIONS_COLOR);
        sessions.setMarker(SeriesMarkers.DIAMOND);
        XYSeries bound = chart.addSeries("bound expiry allows", minutes(all), all.stream().mapToDouble(SoakSample::sessionBound).toArray());
        bound.setYAxisGroup(1);
        bound.setLineColor(SESSIONS_COLOR.darker());
        bound.setLineStyle(DASHED);
        bound.setMarker(SeriesMarkers.NONE);
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    private static double[] minutes(List<SoakSample> samples) {
        return samples.stream().mapToDouble(s -> s.atSecond() / 60).toArray();
    }
}
