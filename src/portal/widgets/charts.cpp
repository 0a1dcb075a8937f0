// Charts; see charts.h.
#include "widgets/charts.h"

#include <algorithm>
#include <cmath>

namespace aftercare::portal {
namespace {

struct Plot {
    ImVec2 min, max;    // the plotting area (inside the axes)
    float lo = 0, hi = 1;

    float Y(float value) const {
        const float t = hi > lo ? (value - lo) / (hi - lo) : 0.0f;
        return max.y - std::clamp(t, 0.0f, 1.0f) * (max.y - min.y);
    }
};

std::string Format(const ValueFormat& format, float value) {
    if (format) return format(value);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

// The frame, horizontal grid lines with their labels on the left; returns the plotting area.
Plot DrawAxes(Ui& ui, ImVec2 origin, ImVec2 size, float lo, float hi, int ticks, const ValueFormat& format,
              float bottom_band) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    PushTextStyle(theme, TextStyle::Caption);
    float label_w = 0.0f;
    for (int i = 0; i <= ticks; ++i) {
        const float v = lo + (hi - lo) * static_cast<float>(i) / static_cast<float>(ticks);
        label_w = std::max(label_w, ImGui::CalcTextSize(Format(format, v).c_str()).x);
    }
    Plot plot;
    plot.lo = lo;
    plot.hi = hi;
    plot.min = ImVec2(origin.x + label_w + theme.Em(0.6f), origin.y + theme.Em(0.6f));
    plot.max = ImVec2(origin.x + size.x - theme.Em(0.4f), origin.y + size.y - bottom_band);
    for (int i = 0; i <= ticks; ++i) {
        const float v = lo + (hi - lo) * static_cast<float>(i) / static_cast<float>(ticks);
        const float y = plot.Y(v);
        draw->AddLine(ImVec2(plot.min.x, y), ImVec2(plot.max.x, y), ToU32(i == 0 ? p.border : ImVec4(0.898f, 0.906f, 0.922f, 0.6f)));
        const std::string text = Format(format, v);
        const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
        draw->AddText(ImVec2(plot.min.x - theme.Em(0.4f) - ts.x, y - ts.y * 0.5f), ToU32(p.text_muted), text.c_str());
    }
    ImGui::PopFont();
    return plot;
}

void DashedLine(ImDrawList* draw, ImVec2 a, ImVec2 b, ImU32 colour, float dash, float thickness) {
    const float length = std::hypot(b.x - a.x, b.y - a.y);
    if (length <= 0.0f) return;
    const ImVec2 step((b.x - a.x) / length, (b.y - a.y) / length);
    for (float t = 0.0f; t < length; t += dash * 2.0f) {
        const float e = std::min(length, t + dash);
        draw->AddLine(ImVec2(a.x + step.x * t, a.y + step.y * t), ImVec2(a.x + step.x * e, a.y + step.y * e), colour,
                      thickness);
    }
}

void DrawTarget(Ui& ui, const Plot& plot, float target, const std::string& label) {
    const Palette& p = ui.theme.palette;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float y = plot.Y(target);
    DashedLine(draw, ImVec2(plot.min.x, y), ImVec2(plot.max.x, y), ToU32(p.danger), ui.theme.Em(0.35f), 1.5f);
    if (!label.empty()) {
        PushTextStyle(ui.theme, TextStyle::Caption);
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        const ImVec2 at(plot.max.x - ts.x - ui.theme.Em(0.3f), y - ts.y - ui.theme.Em(0.15f));
        draw->AddRectFilled(ImVec2(at.x - 3, at.y - 1), ImVec2(at.x + ts.x + 3, at.y + ts.y + 1), ToU32(p.surface), 3.0f);
        draw->AddText(at, ToU32(p.danger), label.c_str());
        ImGui::PopFont();
    }
}

} // namespace

void LineChart(Ui& ui, const char* id, std::string_view summary, std::span<const ChartSeries> series,
               const LineChartOptions& options) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    ImGui::PushID(id);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size(ImGui::GetContentRegionAvail().x, theme.Em(options.height_em));
    ImGui::InvisibleButton("##chart", size);
    const bool hovered = ImGui::IsItemHovered();
    ui.a11y.AddText(Role::Image, summary);
    const float band = theme.Em(1.6f);
    const Plot plot =
        DrawAxes(ui, origin, size, options.min_value, options.max_value, options.y_ticks, options.format, band);
    ImDrawList* draw = ImGui::GetWindowDrawList();

    size_t points = 0;
    for (const ChartSeries& s : series) points = std::max(points, s.values.size());
    auto x_of = [&](size_t i) {
        if (points <= 1) return (plot.min.x + plot.max.x) * 0.5f;
        return plot.min.x + (plot.max.x - plot.min.x) * static_cast<float>(i) / static_cast<float>(points - 1);
    };

    // X labels, thinned so they never overlap.
    PushTextStyle(theme, TextStyle::Caption);
    float widest = 0.0f;
    for (const std::string& label : options.x_labels) widest = std::max(widest, ImGui::CalcTextSize(label.c_str()).x);
    const float slot = points > 1 ? (plot.max.x - plot.min.x) / static_cast<float>(points - 1) : plot.max.x - plot.min.x;
    const size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil((widest + theme.Em(1.0f)) / std::max(slot, 1.0f))));
    for (size_t i = 0; i < options.x_labels.size() && i < points; i += every) {
        const ImVec2 ts = ImGui::CalcTextSize(options.x_labels[i].c_str());
        const float x = std::clamp(x_of(i) - ts.x * 0.5f, plot.min.x - theme.Em(0.5f), plot.max.x - ts.x);
        draw->AddText(ImVec2(x, plot.max.y + theme.Em(0.35f)), ToU32(p.text_muted), options.x_labels[i].c_str());
    }
    ImGui::PopFont();

    if (options.target) DrawTarget(ui, plot, *options.target, options.target_label);

    for (const ChartSeries& s : series) {
        const ImU32 colour = ToU32(s.colour);
        ImVec2 previous;
        bool has_previous = false;
        for (size_t i = 0; i < s.values.size(); ++i) {
            if (std::isnan(s.values[i])) {
                has_previous = false;
                continue;
            }
            const ImVec2 at(x_of(i), plot.Y(s.values[i]));
            if (has_previous) draw->AddLine(previous, at, colour, 2.0f);
            draw->AddCircleFilled(at, theme.Em(0.18f), colour);
            previous = at;
            has_previous = true;
        }
    }

    // Under the pointer: a guide at the nearest point and every series' value there.
    if (hovered && points > 0) {
        const float mx = ImGui::GetIO().MousePos.x;
        size_t nearest = 0;
        for (size_t i = 1; i < points; ++i) {
            if (std::fabs(x_of(i) - mx) < std::fabs(x_of(nearest) - mx)) nearest = i;
        }
        draw->AddLine(ImVec2(x_of(nearest), plot.min.y), ImVec2(x_of(nearest), plot.max.y), ToU32(p.border), 1.0f);
        ImGui::BeginTooltip();
        PushTextStyle(theme, TextStyle::Small);
        if (nearest < options.x_labels.size()) ImGui::TextUnformatted(options.x_labels[nearest].c_str());
        for (const ChartSeries& s : series) {
            if (nearest >= s.values.size() || std::isnan(s.values[nearest])) continue;
            ImGui::TextColored(s.colour, "%s", "\u25CF");
            ImGui::SameLine();
            ImGui::Text("%s  %s", s.name.c_str(), Format(options.format, s.values[nearest]).c_str());
        }
        ImGui::PopFont();
        ImGui::EndTooltip();
    }
    ImGui::PopID();
}

void BarChart(Ui& ui, const char* id, std::string_view summary, std::span<const Bar> bars,
              const BarChartOptions& options) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    ImGui::PushID(id);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size(ImGui::GetContentRegionAvail().x, theme.Em(options.height_em));
    ImGui::InvisibleButton("##chart", size);
    const bool hovered = ImGui::IsItemHovered();
    ui.a11y.AddText(Role::Image, summary);
    const Plot plot = DrawAxes(ui, origin, size, 0.0f, options.max_value, options.y_ticks, options.format, theme.Em(1.6f));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float slot = (plot.max.x - plot.min.x) / static_cast<float>(std::max<size_t>(1, bars.size()));
    const float bar_w = std::min(slot * 0.6f, theme.Em(4.0f));
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    PushTextStyle(theme, TextStyle::Caption);
    for (size_t i = 0; i < bars.size(); ++i) {
        const Bar& bar = bars[i];
        const float cx = plot.min.x + slot * (static_cast<float>(i) + 0.5f);
        const ImVec2 top(cx - bar_w * 0.5f, plot.Y(bar.value));
        const ImVec2 bottom(cx + bar_w * 0.5f, plot.max.y);
        const bool over = hovered && mouse.x >= cx - slot * 0.5f && mouse.x < cx + slot * 0.5f;
        ImVec4 colour = bar.colour;
        if (over) colour = ImVec4(colour.x * 0.85f, colour.y * 0.85f, colour.z * 0.85f, colour.w);
        if (bottom.y - top.y > 0.5f) {
            draw->AddRectFilled(top, bottom, ToU32(colour), theme.Em(0.25f), ImDrawFlags_RoundCornersTop);
        }
        const ImVec2 vs = ImGui::CalcTextSize(bar.value_text.c_str());
        draw->AddText(ImVec2(cx - vs.x * 0.5f, top.y - vs.y - theme.Em(0.2f)), ToU32(p.text), bar.value_text.c_str());
        const ImVec2 ls = ImGui::CalcTextSize(bar.label.c_str());
        draw->AddText(ImVec2(cx - ls.x * 0.5f, plot.max.y + theme.Em(0.35f)), ToU32(p.text_muted), bar.label.c_str());
        if (over && !bar.detail.empty()) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(bar.detail.c_str());
            ImGui::EndTooltip();
        }
    }
    ImGui::PopFont();
    if (options.target) DrawTarget(ui, plot, *options.target, options.target_label);
    ImGui::PopID();
}

void TargetMeter(Ui& ui, float value, float target, const ImVec4& colour) {
    const Theme& theme = ui.theme;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = theme.Em(0.5f);
    ImGui::Dummy(ImVec2(width, height + theme.Em(0.3f)));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + height);
    draw->AddRectFilled(pos, max, ToU32(theme.palette.background), height * 0.5f);
    draw->AddRectFilled(pos, ImVec2(pos.x + width * std::clamp(value, 0.0f, 1.0f), max.y), ToU32(colour), height * 0.5f);
    const float tx = pos.x + width * std::clamp(target, 0.0f, 1.0f);
    draw->AddLine(ImVec2(tx, pos.y - theme.Em(0.2f)), ImVec2(tx, max.y + theme.Em(0.2f)), ToU32(theme.palette.text), 2.0f);
}

void ChartLegend(Ui& ui, std::span<const ChartSeries> series) {
    const Theme& theme = ui.theme;
    PushTextStyle(theme, TextStyle::Small);
    const float avail = ImGui::GetContentRegionAvail().x;
    float used = 0.0f;
    for (size_t i = 0; i < series.size(); ++i) {
        const ChartSeries& s = series[i];
        const float w = ImGui::CalcTextSize(s.name.c_str()).x + theme.Em(1.6f);
        if (i > 0) {
            if (used + w < avail) ImGui::SameLine(0.0f, theme.Em(0.8f));
            else used = 0.0f;
        }
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetFontSize();
        ImGui::Dummy(ImVec2(w, h));
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(ImVec2(pos.x, pos.y + h * 0.25f), ImVec2(pos.x + h * 0.5f, pos.y + h * 0.75f), ToU32(s.colour),
                            2.0f);
        draw->AddText(ImVec2(pos.x + h * 0.5f + theme.Em(0.4f), pos.y), ToU32(theme.palette.text_muted), s.name.c_str());
        ui.a11y.AddText(Role::Text, s.name);
        used += w + theme.Em(0.8f);
    }
    ImGui::PopFont();
}

} // namespace aftercare::portal
