using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.EarlyHelp.Reviews;

/// <summary>
/// Fields repeated per row (invitee, family member, action): the form name is indexed ("Agrees[12]") while the id is the
/// error key the summary links to ("agrees-12"), which the shared partials keep as one.
/// </summary>
public sealed record RowRadios(string Id, string Name, string Legend, IReadOnlyList<ChoiceOption> Options, string? Error, string? Hint = null,
    bool Inline = true);

public sealed record RowText(string Id, string Name, string Label, string? Value, string? Error, bool Multiline = false, int Rows = 2,
    string? Hint = null);

public static class RowChoices
{
    public static IReadOnlyList<ChoiceOption> YesNo(string? value) =>
        [new ChoiceOption("yes", "Yes", value == "yes"), new ChoiceOption("no", "No", value == "no")];
}
