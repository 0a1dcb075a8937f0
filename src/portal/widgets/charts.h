// Charts drawn with ImDrawList: lines over time (with a dashed target line), bars (with a target),
// a target meter for a single rate, and a legend. Each chart is mirrored as one image whose
// accessible name is the caller's text summary of the figure ("满意度 92%，目标 90%…"), and
// shows exact values in a tooltip under the pointer.
#pragma once

#include "widgets.h"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace aftercare::portal {

using ValueFormat = std::function<std::string(float)>;

struct ChartSeries {
    std::string name;
    std::vector<float> values; // NaN: no value at that point (a gap in the line)
    ImVec4 colour;
};

struct LineChartOptions {
    float height_em = 13.0f;
    float min_value = 0.0f;
    float max_value = 1.0f;
    int y_ticks = 4;
    std::optional<float> target; // a dashed horizontal line
    std::string target_label;
    std::vector<std::string> x_labels; // one per point; thinned to fit
    ValueFormat format;                // axis ticks and tooltip values
};

void LineChart(Ui& ui, const char* id, std::string_view summary, std::span<const ChartSeries> series,
               const LineChartOptions& options);

struct Bar {
    std::string label;
    float value = 0.0f;
    std::string value_text; // drawn at the top of the bar
    ImVec4 colour;
    std::string detail;     // tooltip
};

struct BarChartOptions {
    float height_em = 12.0f;
    float max_value = 1.0f;
    std::optional<float> target;
    std::string target_label;
    ValueFormat format; // axis ticks
    int y_ticks = 4;
};

void BarChart(Ui& ui, const char* id, std::string_view summary, std::span<const Bar> bars,
              const BarChartOptions& options);

// A slim horizontal bar filled to `value` (0..1) with a tick at `target`.
void TargetMeter(Ui& ui, float value, float target, const ImVec4& colour);

// Coloured swatches with series names, wrapping to the width.
void ChartLegend(Ui& ui, std::span<const ChartSeries> series);

} // namespace aftercare::portal
