// The accessibility tree's collection and serialization; see a11y.h.
#include "a11y.h"

#include <imgui_internal.h>  // ImHashStr

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace aftercare::portal {
namespace {

// Record and field separators: ASCII RS and US never occur in text the portal shows.
constexpr char kRecord = '\x1e';
constexpr char kField = '\x1f';

void AppendText(std::string& out, std::string_view text) {
    for (char c : text) out.push_back(c == kRecord || c == kField ? ' ' : c);
}

void AppendNumber(std::string& out, double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    out += buffer;
}

} // namespace

A11yFlags A11yTree::PlacementFlags() const {
    if (in_modal_) return A11yFlags_InModal;
    return in_scroll_ ? A11yFlags(A11yFlags_InScroll) : A11yFlags(0);
}

void A11yTree::BeginFrame() {
    nodes_.clear();
    text_seen_.Clear();
    in_scroll_ = false;
    in_modal_ = false;
    scroll_applied_ = false;
    scroll_min_ = scroll_max_ = ImVec2(0, 0);
    scroll_y_ = scroll_content_height_ = 0;
}

void A11yTree::AddLastItem(Role role, std::string_view name, A11yFlags flags, std::string_view value,
                           std::string_view description) {
    AddLastItem(ImGui::GetItemID(), role, name, flags, value, description);
}

void A11yTree::AddLastItem(ImGuiID id, Role role, std::string_view name, A11yFlags flags, std::string_view value,
                           std::string_view description) {
    // A window ImGui skips (scrolled out of sight, collapsed) submitted no item: nothing to describe.
    if (ImGui::GetCurrentWindow()->SkipItems) return;
    A11yNode node;
    node.id = id;
    node.role = role;
    node.flags = flags | PlacementFlags();
    node.min = ImGui::GetItemRectMin();
    node.max = ImGui::GetItemRectMax();
    node.name = name;
    node.value = value;
    node.description = description;
    nodes_.push_back(std::move(node));
}

void A11yTree::AddLastItemSlider(std::string_view name, A11yRange range, std::string_view value_text,
                                 A11yFlags flags, std::string_view description) {
    const size_t before = nodes_.size();
    AddLastItem(Role::Slider, name, flags, value_text, description);
    if (nodes_.size() > before) nodes_.back().range = range;  // not when the window skipped the item
}

void A11yTree::AddText(Role role, std::string_view text, int heading_level) {
    if (ImGui::GetCurrentWindow()->SkipItems) return;
    A11yNode node;
    // Texts have no ImGui id: theirs comes from the text and the id scope it is drawn in (window,
    // card, row), so that a text appearing or going elsewhere on the screen leaves this one's element
    // in place. (Derived from the node's index, as it was, every text after such a change became a
    // new element: a screen reader lost its place, and automation its element.) The same text twice
    // in one scope is told apart by its occurrence.
    const ImGuiID scoped = ImHashStr(text.data(), text.size(), ImGui::GetID("##a11y-text"));
    const int occurrence = text_seen_.GetInt(scoped, 0);
    text_seen_.SetInt(scoped, occurrence + 1);
    node.id = occurrence == 0 ? scoped : ImHashData(&occurrence, sizeof occurrence, scoped);
    node.role = role;
    node.flags = PlacementFlags();
    node.min = ImGui::GetItemRectMin();
    node.max = ImGui::GetItemRectMax();
    node.level = heading_level;
    node.name = text;
    nodes_.push_back(std::move(node));
}

void A11yTree::ClipLast(const ImVec2& min, const ImVec2& max) {
    if (nodes_.empty()) return;
    A11yNode& node = nodes_.back();
    node.min = ImVec2(std::max(node.min.x, min.x), std::max(node.min.y, min.y));
    node.max = ImVec2(std::max(node.min.x, std::min(node.max.x, max.x)), std::max(node.min.y, std::min(node.max.y, max.y)));
}

void A11yTree::BeginScrollRegion() {
    in_scroll_ = true;
    scroll_window_ = ImGui::GetCurrentWindow()->ID;
    scroll_min_ = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    scroll_max_ = ImVec2(scroll_min_.x + size.x, scroll_min_.y + size.y);
    // ImGui applies SetScrollY at the next Begin; report the target now so the DOM does not
    // snap back to the old position in between.
    if (pending_scroll_) {
        ImGui::SetScrollY(*pending_scroll_);
        scroll_y_ = *pending_scroll_;
        pending_scroll_.reset();
        scroll_applied_ = true;
    } else {
        scroll_y_ = ImGui::GetScrollY();
    }
    scroll_content_height_ = ImGui::GetScrollMaxY() + size.y;
}

void A11yTree::EndScrollRegion() { in_scroll_ = false; }

void A11yTree::BeginModal(std::string_view title) {
    // The dialog is a window of its own over the whole page: it does not scroll with the screen.
    scroll_before_modal_ = in_scroll_;
    in_scroll_ = false;
    A11yNode node;
    node.id = ImGui::GetID("##a11y-dialog");
    node.role = Role::Dialog;
    node.min = ImGui::GetWindowPos();
    node.max = ImVec2(node.min.x + ImGui::GetWindowSize().x, node.min.y + ImGui::GetWindowSize().y);
    node.name = title;
    nodes_.push_back(std::move(node));
    in_modal_ = true;
}

void A11yTree::EndModal() {
    in_modal_ = false;
    in_scroll_ = scroll_before_modal_;
}

void A11yTree::OnDomEdit(A11yEdit edit) {
    // Only the latest state of a field matters: DOM edits carry the whole text.
    std::erase_if(pending_edits_, [&](const A11yEdit& e) { return e.id == edit.id; });
    pending_edits_.push_back(std::move(edit));
}

bool A11yTree::TakeActivation(ImGuiID id) {
    if (id == 0 || pending_activate_ != id) return false;
    pending_activate_ = 0;
    return true;
}

std::optional<A11yEdit> A11yTree::TakeEdit(ImGuiID id) {
    const auto it = std::find_if(pending_edits_.begin(), pending_edits_.end(),
                                 [&](const A11yEdit& e) { return e.id == id; });
    if (it == pending_edits_.end()) return std::nullopt;
    A11yEdit edit = std::move(*it);
    pending_edits_.erase(it);
    return edit;
}

std::string A11yTree::Serialize() const {
    // First record: the scroll region (x, y, w, h, scrollY, content height) and whether the layout
    // is settled (1/0); then one per node:
    // id, role, flags, x, y, w, h, level, name, value, description[, min, max, now for sliders].
    std::string out;
    out.reserve(64 + nodes_.size() * 64);
    out += 'S';
    for (double v : {scroll_min_.x, scroll_min_.y, scroll_max_.x - scroll_min_.x, scroll_max_.y - scroll_min_.y,
                     static_cast<float>(std::round(scroll_y_)), scroll_content_height_}) {
        out += kField;
        AppendNumber(out, v);
    }
    out += kField;
    out += layout_settled_ ? '1' : '0';
    for (const A11yNode& n : nodes_) {
        out += kRecord;
        char head[64];
        std::snprintf(head, sizeof head, "%08x%c%d%c%u", n.id, kField, static_cast<int>(n.role), kField, n.flags);
        out += head;
        for (double v : {n.min.x, n.min.y, n.max.x - n.min.x, n.max.y - n.min.y}) {
            out += kField;
            AppendNumber(out, v);
        }
        out += kField;
        out += std::to_string(n.level);
        out += kField;
        AppendText(out, n.name);
        out += kField;
        AppendText(out, n.value);
        out += kField;
        AppendText(out, n.description);
        if (n.range) {
            for (int v : {n.range->min, n.range->max, n.range->now}) {
                out += kField;
                out += std::to_string(v);
            }
        }
    }
    return out;
}

} // namespace aftercare::portal
