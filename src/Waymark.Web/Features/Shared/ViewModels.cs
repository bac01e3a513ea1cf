namespace Waymark.Web.Features.Shared;

public sealed record NavItem(string Text, string Href, bool Current);

/// <summary>A GOV.UK text input bound to one page-model property; <see cref="Id"/> doubles as the form field name.</summary>
public sealed record TextField(string Id, string Label, string? Value, string? Error, string? Hint = null,
    string Type = "text", string? Autocomplete = null, string? CssClass = null, bool Spellcheck = false, string? InputMode = null);

public sealed record SelectOption(string Value, string Text, bool Selected);

public sealed record SelectField(string Id, string Label, IReadOnlyList<SelectOption> Options, string? Error, string? Hint = null);

public sealed record TextAreaField(string Id, string Label, string? Value, string? Error, string? Hint = null, int Rows = 5,
    bool LabelIsHeading = false);

/// <summary>Radios; the first radio's id is <see cref="Name"/> so the error summary can link to it.</summary>
public sealed record RadiosField(string Name, string Legend, IReadOnlyList<ChoiceOption> Options, string? Error, string? Hint = null,
    bool Inline = false, bool Small = false, string LegendClass = "govuk-fieldset__legend--s");

/// <summary>Checkboxes; the first box's id is <see cref="Name"/> so the error summary can link to it.</summary>
public sealed record CheckboxesField(string Name, string Legend, IReadOnlyList<ChoiceOption> Options, string? Error, string? Hint = null,
    bool Small = false, string LegendClass = "govuk-fieldset__legend--s");

public sealed record ChoiceOption(string Value, string Text, bool Checked, string? Hint = null);

/// <summary>A GOV.UK date input; the day box's id is <see cref="Name"/> so the error summary can link to it.</summary>
public sealed record DateField(string Name, string Legend, DateInput Value, string? Error, string? Hint = "For example, 27 3 2027",
    string LegendClass = "govuk-fieldset__legend--s");

/// <summary>The radios for who gave consent, shared by every form that records one.</summary>
public static class ConsentGiverOptions
{
    public static IReadOnlyList<ChoiceOption> For(string? selected) => Enum.GetValues<Waymark.Domain.Transitions.ConsentGiver>()
        .Select(g => new ChoiceOption(g.ToString(), Waymark.Domain.Transitions.Sharing.DisplayName(g), string.Equals(selected, g.ToString(), StringComparison.Ordinal)))
        .ToList();
}
