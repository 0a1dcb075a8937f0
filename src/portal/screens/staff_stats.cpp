// Statistics; see staff_stats.h.
//
// [SECTION] Data
// [SECTION] Key figures
// [SECTION] Charts
// [SECTION] Complaints
#include "screens/staff_stats.h"

#include "app.h"
#include "console/console.h"
#include "console/format.h"
#include "icons.h"
#include "labels.h"
#include "net/staff_requests.h"
#include "time_format.h"
#include "widgets.h"
#include "widgets/charts.h"
#include "widgets/feedback.h"
#include "widgets/status_chip.h"
#include "widgets/tabs.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace aftercare::portal {
namespace {

constexpr std::array<int, 3> kRanges = {7, 30, 90};

//-----------------------------------------------------------------------------
// [SECTION] Data
//-----------------------------------------------------------------------------

// Adds one item to a chart's written summary ("紧急 50%，严重 100%"), with the reader's separator.
void AppendSummaryItem(std::string& summary, const std::string& item, Language language) {
    if (!summary.empty()) summary += language == Language::ZhCN ? "，" : ", ";
    summary += item;
}

void Load(AppState& state, Ui& ui) {
    StatsState& stats = state.staff.stats;
    stats.stats.StartLoading();
    stats.loaded_days = stats.days;
    const int days = stats.days;
    const auto to = static_cast<std::int64_t>(ui.host.NowUnixSeconds()) + 1;
    const std::int64_t from = to - static_cast<std::int64_t>(days) * 86400;
    requests::LoadStats(
        state, from, to,
        [&state, days](api::StatsResponse answer) {
            StatsState& s = state.staff.stats;
            if (s.days != days) return;
            s.version = state.staff.feed.version;
            s.stats.Succeed(std::move(answer));
        },
        [&state, days](ApiError error) {
            StatsState& s = state.staff.stats;
            if (s.days == days) s.stats.Fail(std::move(error));
        });
}

//-----------------------------------------------------------------------------
// [SECTION] Key figures
//-----------------------------------------------------------------------------

// A card with a caption, a big number and a line under it; `width` fixed so tiles line up.
void Figure(Ui& ui, const char* id, const std::string& caption, const std::string& value, const ImVec4& colour,
            const std::string& note, float width, float target = -1.0f, float rate = 0.0f) {
    const Theme& theme = ui.theme;
    BeginColumn(ui, ImGui::GetCursorPosX(), width);
    BeginCard(ui, id);
    Paragraph(ui, TextStyle::Small, caption, theme.palette.text_muted);
    PushTextStyle(theme, TextStyle::Display);
    ImGui::TextColored(colour, "%s", value.c_str());
    ImGui::PopFont();
    ui.a11y.AddText(Role::Text, value);
    if (target >= 0.0f) TargetMeter(ui, rate, target, colour);
    Paragraph(ui, TextStyle::Caption, note, theme.palette.text_muted);
    EndCard(ui);
    EndColumn(ui);
}

// The mean resolution time against the policy's average target (§15 2.2 2) "解决客户问题的平均时间
// 不超过48小时"): the standard's 48 h is this average over the period's resolved tickets, not a
// deadline of each one. The median stays in the note for the shape of the distribution.
void ResolutionFigure(AppState& state, Ui& ui, const api::StatsResponse& s, float width) {
    const Palette& p = ui.theme.palette;
    const bool any = s.resolution_seconds.count > 0;
    const std::string target = FormatDuration(state.strings, state.language, s.resolution_target_seconds / 60);
    const char* note_key = !any                       ? "staff.stats.resolution_none"
                           : s.resolution_meets_target ? "staff.stats.resolution_target_met"
                                                       : "staff.stats.resolution_target_missed";
    const std::string note = state.strings.Format(
        state.language, note_key,
        {{"target", target},
         {"count", std::to_string(s.resolution_seconds.count)},
         {"p50", FormatSpan(state.strings, state.language, s.resolution_seconds.p50)}});
    Figure(ui, "##fig-resolution", state.Tr("staff.stats.resolution_mean"),
           any ? FormatSpan(state.strings, state.language, s.mean_resolution_seconds) : "—",
           !any ? p.text_muted : s.resolution_meets_target ? p.success : p.danger, note, width);
}

void DrawFigures(AppState& state, Ui& ui, const api::StatsResponse& s) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = theme.Em(0.75f);
    const int per_row = avail >= theme.Em(56.0f) ? 4 : avail >= theme.Em(28.0f) ? 2 : 1;
    const float width = (avail - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    int placed = 0;
    auto next = [&]() {
        if (placed++ % per_row != 0) ImGui::SameLine(0.0f, gap);
    };
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(theme.Em(0.5f), theme.Em(0.35f)));

    const bool meets = s.satisfaction.count > 0 && s.satisfaction.rate >= s.satisfaction_target;
    const std::string rate = s.satisfaction.count > 0 ? FormatPercent(s.satisfaction.rate) : "—";
    next();
    Figure(ui, "##fig-satisfaction", state.Tr("staff.stats.satisfaction"), rate,
           s.satisfaction.count == 0 ? p.text_muted : meets ? p.success : p.danger,
           state.strings.Format(state.language, meets ? "staff.stats.target_met" : "staff.stats.target_missed",
                                {{"target", FormatPercent(s.satisfaction_target)},
                                 {"count", std::to_string(s.satisfaction.count)}}),
           width, static_cast<float>(s.satisfaction_target), static_cast<float>(s.satisfaction.rate));
    next();
    Figure(ui, "##fig-tickets", state.Tr("staff.stats.tickets"), FormatCount(s.tickets_total), p.text,
           state.strings.Format(state.language, "staff.stats.breached_escalated",
                                {{"breached", std::to_string(s.breached)}, {"escalated", std::to_string(s.escalated)}}),
           width);
    next();
    Figure(ui, "##fig-first", state.Tr("staff.stats.first_response"),
           s.first_response_seconds.count ? FormatSpan(state.strings, state.language, s.first_response_seconds.p50) : "—", p.brand,
           state.strings.Format(state.language, "staff.stats.p90",
                                {{"time", FormatSpan(state.strings, state.language, s.first_response_seconds.p90)}}),
           width);
    next();
    ResolutionFigure(state, ui, s, width);
    ImGui::PopStyleVar();
}

// Service quality (#19): resolutions that did not hold (§18 "维修不彻底"), repeat repairs of one
// serial (§17 6) "不允许同一问题重复发生") and 重大质量问题 raised by staff (§17 8)).
void DrawServiceQuality(AppState& state, Ui& ui, const api::StatsResponse& s) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = theme.Em(0.75f);
    const int per_row = avail >= theme.Em(42.0f) ? 3 : 1;
    const float width = (avail - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    int placed = 0;
    auto next = [&]() {
        if (placed++ % per_row != 0) ImGui::SameLine(0.0f, gap);
    };
    auto of = [&](int part, int whole) {
        return state.strings.Format(state.language, "staff.stats.quality.of",
                                    {{"part", std::to_string(part)}, {"whole", std::to_string(whole)}});
    };
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(theme.Em(0.5f), theme.Em(0.35f)));
    next();
    Figure(ui, "##fig-reopen", state.Tr("staff.stats.quality.reopen_rate"),
           s.resolved ? FormatPercent(s.reopen_rate) : "—", s.reopened ? p.warning : p.text,
           of(s.reopened, s.resolved) + " · " + state.Tr("staff.stats.quality.reopen_note"), width);
    next();
    Figure(ui, "##fig-repeat", state.Tr("staff.stats.quality.repeat_rate"),
           s.repairs ? FormatPercent(s.repeat_repair_rate) : "—", s.repeat_repairs ? p.warning : p.text,
           of(s.repeat_repairs, s.repairs) + " · " +
               state.strings.Format(state.language, "staff.stats.quality.repeat_note",
                                    {{"days", std::to_string(state.policy.tickets.repeat_repair_days)}}),
           width);
    next();
    Figure(ui, "##fig-quality", state.Tr("staff.stats.quality.incidents"), FormatCount(s.quality_incidents),
           s.quality_incidents ? p.danger : p.text, state.Tr("staff.stats.quality.incidents_note"), width);
    ImGui::PopStyleVar();
}

//-----------------------------------------------------------------------------
// [SECTION] Charts
//-----------------------------------------------------------------------------

std::vector<std::string> DayLabels(const api::StatsResponse& s, int offset) {
    std::vector<std::string> labels;
    for (const api::SatisfactionPoint& point : s.satisfaction_series) labels.push_back(FormatMonthDay(point.from, offset));
    return labels;
}

void SatisfactionChart(AppState& state, Ui& ui, const api::StatsResponse& s) {
    const Palette& p = ui.theme.palette;
    ChartSeries rate{state.Tr("staff.stats.satisfaction"), {}, p.brand};
    int rated_days = 0, days_below = 0;
    for (const api::SatisfactionPoint& point : s.satisfaction_series) {
        if (point.count == 0) {
            rate.values.push_back(std::numeric_limits<float>::quiet_NaN());
            continue;
        }
        const float r = static_cast<float>(point.satisfied) / static_cast<float>(point.count);
        rate.values.push_back(r);
        ++rated_days;
        if (r < s.satisfaction_target) ++days_below;
    }
    const std::string summary = state.strings.Format(
        state.language, "staff.stats.satisfaction_summary",
        {{"rate", s.satisfaction.count ? FormatPercent(s.satisfaction.rate) : "—"},
         {"target", FormatPercent(s.satisfaction_target)},
         {"days", std::to_string(rated_days)},
         {"below", std::to_string(days_below)}});
    BeginCard(ui, "##chart-satisfaction");
    Heading(ui, TextStyle::Title3, state.Tr("staff.stats.satisfaction_over_time"), 2);
    LineChartOptions options;
    options.min_value = 0.0f;
    options.max_value = 1.0f;
    options.target = static_cast<float>(s.satisfaction_target);
    options.target_label = state.strings.Format(state.language, "staff.stats.target", {{"target", FormatPercent(s.satisfaction_target)}});
    options.x_labels = DayLabels(s, ui.host.UtcOffsetMinutes());
    options.format = [](float v) { return FormatPercent(v); };
    const ChartSeries series[] = {rate};
    LineChart(ui, "satisfaction", summary, series, options);
    if (s.satisfaction.count == 0) Paragraph(ui, TextStyle::Small, state.Tr("staff.stats.no_ratings"), p.text_muted);
    EndCard(ui);
}

void DimensionsChart(AppState& state, Ui& ui, const api::StatsResponse& s) {
    const Palette& p = ui.theme.palette;
    const ImVec4 colours[] = {p.brand, p.success, p.warning, ImVec4(0.447f, 0.180f, 0.820f, 1.0f),
                              ImVec4(0.078f, 0.663f, 0.773f, 1.0f)};
    const char* keys[] = {"staff.rating.quality", "staff.rating.speed", "staff.rating.attitude", "staff.rating.scope",
                          "staff.rating.guarantee"};
    std::vector<ChartSeries> series;
    for (int d = 0; d < 5; ++d) series.push_back(ChartSeries{state.Tr(keys[d]), {}, colours[d]});
    for (const api::SatisfactionPoint& point : s.satisfaction_series) {
        const double values[] = {point.mean_quality, point.mean_speed, point.mean_attitude, point.mean_scope,
                                 point.mean_guarantee};
        for (int d = 0; d < 5; ++d) {
            series[static_cast<size_t>(d)].values.push_back(point.count == 0 ? std::numeric_limits<float>::quiet_NaN()
                                                                             : static_cast<float>(values[d]));
        }
    }
    const double means[] = {s.satisfaction.mean_quality, s.satisfaction.mean_speed, s.satisfaction.mean_attitude,
                            s.satisfaction.mean_scope, s.satisfaction.mean_guarantee};
    std::string parts;
    for (int d = 0; d < 5; ++d) {
        AppendSummaryItem(parts, state.Tr(keys[d]) + " " + FormatOneDecimal(means[d]), state.language);
    }
    const std::string summary =
        state.strings.Format(state.language, "staff.stats.dimensions_summary", {{"means", parts}});
    BeginCard(ui, "##chart-dimensions");
    Heading(ui, TextStyle::Title3, state.Tr("staff.stats.dimensions"), 2);
    Paragraph(ui, TextStyle::Small, summary, p.text_muted);
    ChartLegend(ui, series);
    LineChartOptions options;
    options.min_value = 1.0f;
    options.max_value = 5.0f;
    options.y_ticks = 4;
    options.x_labels = DayLabels(s, ui.host.UtcOffsetMinutes());
    options.format = [](float v) { return FormatOneDecimal(v); };
    LineChart(ui, "dimensions", summary, series, options);
    EndCard(ui);
}

void ComplianceChart(AppState& state, Ui& ui, const api::StatsResponse& s) {
    const Palette& p = ui.theme.palette;
    std::vector<Bar> bars;
    std::string parts;
    for (core::Priority priority : {core::Priority::Urgent, core::Priority::Serious, core::Priority::General}) {
        const auto it = s.sla_compliance.find(std::string(core::ToString(priority)));
        const api::SlaCompliance c = it == s.sla_compliance.end() ? api::SlaCompliance{} : it->second;
        Bar bar;
        bar.label = PriorityLabel(state, priority);
        bar.value = c.tickets ? static_cast<float>(c.compliance_rate) : 0.0f;
        bar.value_text = c.tickets ? FormatPercent(c.compliance_rate) : "—";
        bar.colour = PriorityColour(p, priority);
        if (priority == core::Priority::General) bar.colour = p.brand;
        bar.detail = state.strings.Format(state.language, "staff.stats.compliance_detail",
                                          {{"tickets", std::to_string(c.tickets)}, {"breached", std::to_string(c.breached)}});
        AppendSummaryItem(parts, bar.label + " " + bar.value_text, state.language);
        bars.push_back(std::move(bar));
    }
    const std::string summary = state.strings.Format(state.language, "staff.stats.compliance_summary", {{"parts", parts}});
    BeginCard(ui, "##chart-compliance");
    Heading(ui, TextStyle::Title3, state.Tr("staff.stats.compliance"), 2);
    Paragraph(ui, TextStyle::Small, summary, p.text_muted);
    BarChartOptions options;
    options.max_value = 1.0f;
    options.format = [](float v) { return FormatPercent(v); };
    BarChart(ui, "compliance", summary, bars, options);
    EndCard(ui);
}

// A bar chart of counts (tickets, complaints): whole numbers, the tallest bar at the top.
BarChartOptions CountChartOptions(int most, float height_em) {
    BarChartOptions options;
    options.max_value = static_cast<float>(most);
    options.y_ticks = std::min(4, most);
    options.format = [](float v) { return std::to_string(static_cast<int>(std::lround(v))); };
    options.height_em = height_em;
    return options;
}

void DistributionChart(AppState& state, Ui& ui, const char* id, const char* title_key,
                       const api::DurationDistribution& d) {
    const Palette& p = ui.theme.palette;
    std::vector<Bar> bars;
    int most = 1;
    for (int count : d.buckets) most = std::max(most, count);
    for (size_t i = 0; i < d.buckets.size(); ++i) {
        Bar bar;
        const std::string upper = i < d.bucket_upper_seconds.size()
                                      ? FormatSpan(state.strings, state.language, d.bucket_upper_seconds[i])
                                      : std::string();
        bar.label = i < d.bucket_upper_seconds.size()
                        ? state.strings.Format(state.language, "staff.stats.up_to", {{"time", upper}})
                        : state.strings.Format(state.language, "staff.stats.over",
                                               {{"time", FormatSpan(state.strings, state.language,
                                                                        d.bucket_upper_seconds.back())}});
        bar.value = static_cast<float>(d.buckets[i]);
        bar.value_text = std::to_string(d.buckets[i]);
        bar.colour = p.brand;
        bar.detail = state.strings.Format(state.language, "staff.stats.bucket_detail",
                                          {{"count", std::to_string(d.buckets[i])}, {"range", bar.label}});
        bars.push_back(std::move(bar));
    }
    const std::string summary = state.strings.Format(
        state.language, "staff.stats.distribution_summary",
        {{"what", state.Tr(title_key)},
         {"count", std::to_string(d.count)},
         {"p50", FormatSpan(state.strings, state.language, d.p50)},
         {"p90", FormatSpan(state.strings, state.language, d.p90)}});
    BeginCard(ui, id);
    Heading(ui, TextStyle::Title3, state.Tr(title_key), 2);
    Paragraph(ui, TextStyle::Small, summary, p.text_muted);
    const BarChartOptions options = CountChartOptions(most, 11.0f);
    BarChart(ui, id, summary, bars, options);
    EndCard(ui);
}

//-----------------------------------------------------------------------------
// [SECTION] Complaints
//-----------------------------------------------------------------------------

// All of the period's complaints by what they are about (§17 (3)4) "分析总结造成客户投诉的原因"):
// the bar is the count, its detail how many were answered and how many missed a promise.
void ComplaintCategoryChart(AppState& state, Ui& ui, const api::StatsResponse& s) {
    const Palette& p = ui.theme.palette;
    std::vector<Bar> bars;
    std::string parts;
    int most = 1;
    for (core::ComplaintCategory category : core::kAllComplaintCategories) {
        const auto it = s.complaints_by_category.find(std::string(core::ToString(category)));
        const api::ComplaintCategoryCount count =
            it == s.complaints_by_category.end() ? api::ComplaintCategoryCount{} : it->second;
        most = std::max(most, count.total);
        Bar bar;
        bar.label = Localized(core::Label(category), state.language);
        bar.value = static_cast<float>(count.total);
        bar.value_text = std::to_string(count.total);
        bar.colour = count.breached > 0 ? p.danger : p.brand;
        bar.detail = state.strings.Format(state.language, "staff.stats.category_detail",
                                          {{"category", bar.label},
                                           {"total", std::to_string(count.total)},
                                           {"answered", std::to_string(count.answered)},
                                           {"breached", std::to_string(count.breached)}});
        AppendSummaryItem(parts, bar.label + " " + bar.value_text, state.language);
        bars.push_back(std::move(bar));
    }
    const std::string summary =
        state.strings.Format(state.language, "staff.stats.categories_summary", {{"parts", parts}});
    Paragraph(ui, TextStyle::Small, state.Tr("staff.stats.categories"), p.text);
    const BarChartOptions options = CountChartOptions(most, 10.0f);
    BarChart(ui, "complaint-categories", summary, bars, options);
}

void Complaints(AppState& state, Ui& ui, const api::StatsResponse& s) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    BeginCard(ui, "##complaints");
    Heading(ui, TextStyle::Title3, state.Tr("staff.stats.complaints"), 2);
    Paragraph(ui, TextStyle::Small,
              state.strings.Format(state.language, "staff.stats.complaints_rule",
                                   {{"days", std::to_string(s.complaint_answer_working_days)}}),
              p.text_muted);
    ComplaintCategoryChart(state, ui, s);
    if (s.complaints.empty()) Paragraph(ui, TextStyle::Body, state.Tr("staff.stats.no_complaints"), p.text_muted);
    const int offset = ui.host.UtcOffsetMinutes();
    for (const api::ComplaintItem& c : s.complaints) {
        ImGui::PushID(c.service_number.c_str());
        std::string status;
        ImVec4 colour = p.success;
        if (c.answered) {
            status = state.Tr(c.late ? "staff.stats.answered_late" : "staff.stats.answered");
            colour = c.late ? p.danger : p.success;
        } else if (c.late || c.working_days_left < 0) {
            status = state.Tr("staff.stats.complaint_overdue");
            colour = p.danger;
        } else {
            status = state.strings.Format(state.language, "staff.stats.working_days_left",
                                          {{"days", std::to_string(c.working_days_left)}});
            colour = c.working_days_left <= 1 ? p.warning : p.brand;
        }
        // The portal's own complaints are titled by their category already ("投诉：收费问题").
        const std::string& category = Localized(core::Label(c.category), state.language);
        std::string line = c.service_number;
        if (c.subject.find(category) == std::string::npos) line += " · " + category;
        line += " · " + c.subject;
        const std::string due = state.strings.Format(state.language, "staff.stats.complaint_due",
                                                     {{"time", FormatDateTime(c.due_at, offset)},
                                                      {"state", StateLabel(state, c.state, core::Audience::Staff)}});
        if (Button(ui, "open", line, {.kind = ButtonKind::Quiet})) {
            Navigate(state, Route{Screen::StaffTicket, c.service_number});
        }
        ImGui::SameLine(0.0f, theme.Em(0.5f));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + theme.Em(0.5f));
        ColourChip(ui, status, colour);
        Paragraph(ui, TextStyle::Small, due, p.text_muted);
        ImGui::PopID();
    }
    EndCard(ui);
}

//-----------------------------------------------------------------------------
// [SECTION] Export
//-----------------------------------------------------------------------------

struct ExportSet {
    const char* name;       // the endpoint's {set}
    const char* label_key;
};
constexpr ExportSet kExportSets[] = {
    {"tickets", "staff.stats.export.tickets"},
    {"ratings", "staff.stats.export.ratings"},
    {"complaints", "staff.stats.export.complaints"},
    {"sla", "staff.stats.export.sla"},
    {"people", "staff.stats.export.people"},
};

// The same period as the figures above, fetched with the session's token and saved as a file.
void Export(AppState& state, Ui& ui, const char* set) {
    StatsState& stats = state.staff.stats;
    const api::StatsResponse& shown = *stats.stats.value;
    stats.exporting = set;
    stats.export_error.reset();
    const core::UtcOffsetMinutes offset = state.policy.calendar.vendor_utc_offset_minutes;
    const std::string file_name = std::string("aftercare-") + set + "-" +
                                  core::FormatIsoDate(core::LocalDate(shown.from, offset)) + "-" +
                                  core::FormatIsoDate(core::LocalDate(shown.to - 1, offset)) + ".csv";
    requests::ExportPeriod(
        state, set, shown.from, shown.to,
        [&state, &host = ui.host, file_name](RawBody csv) {
            state.staff.stats.exporting.clear();
            host.SaveFile(file_name, "text/csv", csv.bytes);
        },
        [&state](ApiError error) {
            state.staff.stats.exporting.clear();
            state.staff.stats.export_error = std::move(error);
        });
}

void ExportCard(AppState& state, Ui& ui) {
    StatsState& stats = state.staff.stats;
    const Theme& theme = ui.theme;
    BeginCard(ui, "##export");
    Heading(ui, TextStyle::Title3, state.Tr("staff.stats.export.title"), 2);
    Paragraph(ui, TextStyle::Small, state.Tr("staff.stats.export.help"), theme.palette.text_muted);
    const bool busy = !stats.exporting.empty();
    for (const ExportSet& set : kExportSets) {
        ImGui::PushID(set.name);
        const bool this_one = stats.exporting == set.name;
        if (Button(ui, "export", state.Tr(this_one ? "staff.stats.export.busy" : set.label_key),
                   {.kind = ButtonKind::Secondary, .enabled = !busy, .icon = ICON_DOWNLOAD})) {
            Export(state, ui, set.name);
        }
        ImGui::PopID();
        ImGui::SameLine(0.0f, theme.Em(0.5f));
        if (ImGui::GetContentRegionAvail().x < theme.Em(9.0f)) ImGui::NewLine();
    }
    ImGui::NewLine();
    if (stats.export_error) ErrorBanner(ui, state.strings, state.language, *stats.export_error, "export-error");
    EndCard(ui);
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Tickets by channel
//-----------------------------------------------------------------------------

void ChannelChart(AppState& state, Ui& ui, const api::StatsResponse& s) {
    const Palette& p = ui.theme.palette;
    std::vector<Bar> bars;
    std::string parts;
    int most = 1;
    for (core::Channel channel : core::kAllChannels) {
        const auto it = s.by_channel.find(std::string(core::ToString(channel)));
        const int count = it == s.by_channel.end() ? 0 : it->second;
        most = std::max(most, count);
        Bar bar;
        bar.label = ChannelLabel(state, channel);
        bar.value = static_cast<float>(count);
        bar.value_text = std::to_string(count);
        bar.colour = core::IsSelfServiceChannel(channel) ? p.brand : p.success;
        bar.detail = bar.label + " " + bar.value_text;
        AppendSummaryItem(parts, bar.detail, state.language);
        bars.push_back(std::move(bar));
    }
    const std::string summary = state.Tr("intake.stats.hint") + (state.language == Language::ZhCN ? "：" : ": ") + parts;
    BeginCard(ui, "##chart-channels");
    Heading(ui, TextStyle::Title3, state.Tr("intake.stats.title"), 2);
    Paragraph(ui, TextStyle::Small, state.Tr("intake.stats.hint"), p.text_muted);
    const BarChartOptions options = CountChartOptions(most, 11.0f);
    BarChart(ui, "channels", summary, bars, options);
    EndCard(ui);
}

//-----------------------------------------------------------------------------
// [SECTION] Follow-ups and rating channels (回访)
//-----------------------------------------------------------------------------

// Satisfaction of the ratings customers gave on the portal and of those taken by phone on a
// follow-up call, beside the response rates: how many resolved tickets got a rating, and how many
// due follow-up calls reached the customer (§4 2 "通过问卷调查、电话访问等方式").
void FollowUpCard(AppState& state, Ui& ui, const api::StatsResponse& s) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    BeginCard(ui, "##followups");
    Heading(ui, TextStyle::Title3, state.Tr("followup.stats.title"), 2);
    Paragraph(ui, TextStyle::Small, state.Tr("followup.stats.hint"), p.text_muted);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = theme.Em(0.75f);
    const int per_row = avail >= theme.Em(42.0f) ? 4 : avail >= theme.Em(22.0f) ? 2 : 1;
    const float width = (avail - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    int placed = 0;
    auto next = [&]() {
        if (placed++ % per_row != 0) ImGui::SameLine(0.0f, gap);
    };
    auto of = [&](int part, int whole) {
        return state.strings.Format(state.language, "staff.stats.quality.of",
                                    {{"part", std::to_string(part)}, {"whole", std::to_string(whole)}});
    };
    auto satisfaction = [&](const char* id, const char* label_key, const core::SatisfactionStats& stats) {
        next();
        Figure(ui, id, state.Tr(label_key), stats.count ? FormatPercent(stats.rate) : "—",
               stats.count == 0 ? p.text : stats.meets_target ? p.success : p.warning,
               state.strings.Format(state.language, "followup.stats.ratings", {{"count", std::to_string(stats.count)}}),
               width);
    };
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(theme.Em(0.5f), theme.Em(0.35f)));
    satisfaction("##fig-portal", "followup.stats.portal", s.satisfaction_portal);
    satisfaction("##fig-phone", "followup.stats.phone", s.satisfaction_phone);
    next();
    Figure(ui, "##fig-rated", state.Tr("followup.stats.rating_response"),
           s.resolved ? FormatPercent(s.rating_response_rate) : "—", p.text, of(s.rated, s.resolved), width);
    next();
    Figure(ui, "##fig-reached", state.Tr("followup.stats.reach"),
           s.followups_due ? FormatPercent(s.followup_reach_rate) : "—", p.text,
           of(s.followups_reached, s.followups_due), width);
    ImGui::PopStyleVar();
    EndCard(ui);
}

// Appraisal by staff member (§10 三.2 考核指标): each person's tickets of the period, how many met
// their promises, how many resolutions held, and what their customers said.
void PeopleCard(AppState& state, Ui& ui, const api::StatsResponse& s) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    BeginCard(ui, "##people");
    Heading(ui, TextStyle::Title3, state.Tr("staff.stats.people.title"), 2);
    Paragraph(ui, TextStyle::Small, state.Tr("staff.stats.people.hint"), p.text_muted);
    if (s.by_assignee.empty()) Paragraph(ui, TextStyle::Body, state.Tr("staff.stats.people.none"), p.text_muted);
    for (const api::AssigneeStats& person : s.by_assignee) {
        ImGui::PushID(person.assignee.c_str());
        ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
        Heading(ui, TextStyle::Body, StaffName(state, person.assignee), 3);
        ColourChip(ui,
                   state.strings.Format(state.language, "staff.stats.people.on_time",
                                        {{"rate", FormatPercent(person.on_time_rate)}}),
                   person.breached ? p.warning : p.success);
        ImGui::SameLine(0.0f, theme.Em(0.5f));
        const core::SatisfactionStats& rated = person.satisfaction;
        ColourChip(ui,
                   rated.count ? state.strings.Format(state.language, "staff.stats.people.satisfaction",
                                                      {{"rate", FormatPercent(rated.rate)},
                                                       {"count", std::to_string(rated.count)}})
                               : state.Tr("staff.stats.people.unrated"),
                   rated.count == 0 ? p.text_muted : rated.meets_target ? p.success : p.warning);
        const std::string mean = person.mean_resolution_seconds > 0
                                     ? FormatSpan(state.strings, state.language, person.mean_resolution_seconds)
                                     : "—";
        Paragraph(ui, TextStyle::Small,
                  state.strings.Format(state.language, "staff.stats.people.line",
                                       {{"tickets", std::to_string(person.tickets)},
                                        {"resolved", std::to_string(person.resolved)},
                                        {"reopened", std::to_string(person.reopened)},
                                        {"repeat", std::to_string(person.repeat_repairs)},
                                        {"mean", mean}}),
                  p.text);
        ImGui::PopID();
    }
    EndCard(ui);
}

void DrawStaffStats(AppState& state, Ui& ui) {
    if (!BeginConsoleScreen(state, ui, Screen::StaffStats)) return;
    const Theme& theme = ui.theme;
    StatsState& stats = state.staff.stats;

    int days = 30;
    if (const std::string wanted = QueryValue(state.route.query, "days"); !wanted.empty()) {
        for (int r : kRanges)
            if (std::to_string(r) == wanted) days = r;
    }
    if (days != stats.days) {
        stats.days = days;
        stats.stats.Reset();
    }
    // Figures follow the tickets: reload when the change feed moved (not while a load is out).
    if (stats.stats.IsIdle() || (stats.stats.IsLoaded() && stats.version < state.staff.feed.version)) Load(state, ui);

    Heading(ui, TextStyle::Title2, state.Tr("staff.stats.title"), 1);
    std::vector<std::string> ranges;
    int current = 0;
    for (size_t i = 0; i < kRanges.size(); ++i) {
        ranges.push_back(state.strings.Format(state.language, "staff.stats.range", {{"days", std::to_string(kRanges[i])}}));
        if (kRanges[i] == days) current = static_cast<int>(i);
    }
    const int chosen = TabBar(ui, "range", ranges, current);
    if (chosen >= 0 && chosen != current) {
        Navigate(state, Route{Screen::StaffStats, {}, "days=" + std::to_string(kRanges[static_cast<size_t>(chosen)])});
    }
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));

    if (!stats.stats.value) {
        if (stats.stats.IsFailed()) {
            if (ErrorBanner(ui, state.strings, state.language, *stats.stats.error, "stats-error")) Load(state, ui);
        } else {
            LoadingIndicator(ui, state.Tr("staff.stats.loading"));
        }
        return;
    }
    const api::StatsResponse& s = *stats.stats.value;
    DrawFigures(state, ui, s);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    DrawServiceQuality(state, ui, s);
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));

    const float avail = ImGui::GetContentRegionAvail().x;
    const bool pairs = avail >= theme.Em(56.0f);
    const float gap = theme.Em(1.0f);
    const float half = pairs ? (avail - gap) * 0.5f : avail;
    const float left_x = ImGui::GetCursorPosX();
    auto row = [&](const char* left_id, auto left, const char* right_id, auto right) {
        ImGui::PushID(left_id);
        BeginColumn(ui, left_x, half);
        left();
        EndColumn(ui);
        ImGui::PopID();
        if (pairs) ImGui::SameLine(0.0f, gap);
        else ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
        ImGui::PushID(right_id);
        BeginColumn(ui, pairs ? left_x + half + gap : left_x, half);
        right();
        EndColumn(ui);
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    };
    row("##c1", [&] { SatisfactionChart(state, ui, s); }, "##c2", [&] { DimensionsChart(state, ui, s); });
    row("##c3", [&] { ComplianceChart(state, ui, s); }, "##c4", [&] { Complaints(state, ui, s); });
    row("##c5", [&] { DistributionChart(state, ui, "##dist-first", "staff.stats.first_response_dist", s.first_response_seconds); },
        "##c6", [&] { DistributionChart(state, ui, "##dist-resolution", "staff.stats.resolution_dist", s.resolution_seconds); });
    // The management review's files: the whole period's records, for supervisors and admins.
    if (state.staff.session && state.staff.session->permissions.all_tickets) ExportCard(state, ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    ChannelChart(state, ui, s);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    FollowUpCard(state, ui, s);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    PeopleCard(state, ui, s);
}

} // namespace aftercare::portal
