// Repair step 4, the contact: name, phone (a mainland mobile or an international number, checked
// by core as the server checks it), an optional email, and how to tell them about progress.
#include "screens/repair_steps.h"

#include "app.h"
#include "widgets.h"

namespace aftercare::portal {
namespace {

// One labelled field bound to a draft member; its error is the server's field name.
void ContactField(AppState& state, Ui& ui, const char* id, const char* label_key, const char* hint_key,
                  const char* help_key, std::string_view field, std::string& value, bool required, bool numeric) {
    const std::string hint = state.Tr(hint_key);
    const auto result = TextField(ui, id, state.Tr(label_key), value,
                                  {.hint = hint.c_str(),
                                   .help = help_key ? std::string_view(state.Tr(help_key)) : std::string_view(),
                                   .error = FieldError(state, field),
                                   .required = required,
                                   .numeric = numeric});
    ScrollIntoViewIfAsked(state, field);
    if (result.changed) ClearFieldError(state, field);
    ImGui::Dummy(ImVec2(0, state.theme.Em(0.25f)));
}

} // namespace

void DrawContactStep(AppState& state, Ui& ui) {
    RepairDraft& draft = state.repair.draft;
    BeginCard(ui, "##contact");
    Heading(ui, TextStyle::Title2, state.Tr("repair.contact.title"), 2);
    Paragraph(ui, TextStyle::Body, state.Tr("repair.contact.subtitle"), state.theme.palette.text_muted);
    ImGui::Dummy(ImVec2(0, state.theme.Em(0.25f)));
    ContactField(state, ui, "name", "repair.contact.name", "repair.contact.name.hint", nullptr, kNameField,
                 draft.name, true, false);
    ContactField(state, ui, "phone", "repair.contact.phone", "repair.contact.phone.hint", "repair.contact.phone.help",
                 kPhoneField, draft.phone, true, true);
    ContactField(state, ui, "email", "repair.contact.email", "repair.contact.email.hint", EmailHelpKey(state),
                 kEmailField, draft.email, false, false);
    DrawNotifyChoice(state, ui, draft.notify, draft.email);
    EndCard(ui);
}

} // namespace aftercare::portal
