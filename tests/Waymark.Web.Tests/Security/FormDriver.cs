using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Waymark.Web.Tests.Security;

/// <summary>A form as it was sent: where, the fields, which of them were free text, and the answer.</summary>
internal sealed record PostedForm(string Page, string Action, IReadOnlyList<KeyValuePair<string, string>> Fields, IReadOnlyList<string> TextFields,
    HttpResponseMessage Response, string Body)
{
    public HttpStatusCode Status => Response.StatusCode;

    /// <summary>The messages of the page's error summary, when the form was shown again.</summary>
    public IReadOnlyList<string> Errors =>
        new HtmlParser().ParseDocument(Body).QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();
}

/// <summary>
/// Fills and posts a page's form as a browser would: discovers its fields from the page, keeps hidden ones (the
/// anti-forgery token among them), chooses the checked or first radio, every checkbox and the first real option of a
/// select, and asks the test for every free-text input and text area, unless the test gives the value of a field by
/// name. A password field is sent only when the test gives it. Free text the test does not give comes from <c>text</c>, so a field added to a form later is covered too;
/// dates not given are today.
/// </summary>
internal sealed class FormDriver(HttpClient client, DateOnly today)
{
    private static readonly HtmlParser Parser = new();

    private static readonly string[] TextTypes = ["text", "email", "tel", "search", "url", "number", ""];

    /// <summary>
    /// Posts the form of <paramref name="page"/> that has a field named <paramref name="withField"/> (or its only form).
    /// A name in <paramref name="given"/> ending in * gives every field whose name starts with the rest.
    /// </summary>
    public async Task<PostedForm> SubmitAsync(string page, Func<string, string> text, IReadOnlyDictionary<string, string>? givenValues = null, string? withField = null)
    {
        var given = givenValues is null ? null : new Given(givenValues);
        var response = await client.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {page}: {(int)response.StatusCode}");
        }

        var document = Parser.ParseDocument(html);
        var forms = document.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)
            && !(f.GetAttribute("action") ?? "").EndsWith("/sign-out", StringComparison.Ordinal)).ToList();
        var form = withField is null
            ? forms.Count == 1 ? forms[0] : throw new InvalidOperationException($"{page} has {forms.Count} forms; say which by a field")
            : forms.FirstOrDefault(f => f.Elements.Any(e => e.GetAttribute("name") == withField))
                ?? throw new InvalidOperationException($"{page} has no form with a field {withField}");

        var fields = new List<KeyValuePair<string, string>>();
        var textFields = new List<string>();
        var radiosDone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            string? value = null;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "hidden":
                    value = given?.GetValueOrDefault(name) ?? input.Value;
                    break;
                case IHtmlInputElement input when input.Type is "radio":
                    if (radiosDone.Add(name))
                    {
                        var options = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "radio" && i.Name == name).ToList();
                        value = given?.GetValueOrDefault(name) ?? (options.FirstOrDefault(o => o.IsChecked) ?? options[0]).Value;
                    }

                    break;
                case IHtmlInputElement input when input.Type is "checkbox":
                    value = given is not null && given.TryGetValue(name, out var tick) ? tick.Length == 0 ? null : tick : input.Value;
                    break;
                case IHtmlInputElement input when input.Type is "password":
                    // A password is never made up: only the test's own.
                    value = given?.GetValueOrDefault(name);
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button":
                    break;
                case IHtmlInputElement input when TextTypes.Contains(input.Type ?? ""):
                    value = Text(name, given, text, textFields);
                    break;
                case IHtmlTextAreaElement:
                    value = Text(name, given, text, textFields);
                    break;
                case IHtmlSelectElement select:
                    value = given?.GetValueOrDefault(name) ?? select.Options.FirstOrDefault(o => o.IsSelected && o.Value.Length > 0)?.Value
                        ?? select.Options.FirstOrDefault(o => o.Value.Length > 0)?.Value ?? "";
                    break;
                case IHtmlButtonElement button when given is not null && given.TryGetValue(name, out var pressed) && pressed == button.Value:
                    value = button.Value;
                    break;
            }

            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page;
        var posted = await client.PostAsync(action, new FormUrlEncodedContent(fields));
        return new PostedForm(page, action, fields, textFields, posted, await posted.Content.ReadAsStringAsync());
    }

    private string Text(string name, Given? given, Func<string, string> text, List<string> textFields)
    {
        if (given is not null && given.TryGetValue(name, out var value))
        {
            return value;
        }

        var part = name[(name.LastIndexOf('.') + 1)..];
        if (part is "Day" or "Month" or "Year")
        {
            return (part switch { "Day" => today.Day, "Month" => today.Month, _ => today.Year }).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        textFields.Add(name);
        return text(name);
    }

    /// <summary>The day, month and year fields of a date input.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Date(string name, DateOnly date) =>
    [
        new($"{name}.Day", date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new($"{name}.Month", date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new($"{name}.Year", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}

/// <summary>The values a test gives, by exact name or by a name ending in * for every field that starts with the rest.</summary>
internal sealed class Given(IReadOnlyDictionary<string, string> values)
{
    public bool TryGetValue(string name, out string value)
    {
        if (values.TryGetValue(name, out value!))
        {
            return true;
        }

        foreach (var (key, given) in values)
        {
            if (key.EndsWith('*') && name.StartsWith(key[..^1], StringComparison.Ordinal))
            {
                value = given;
                return true;
            }
        }

        value = "";
        return false;
    }

    public string? GetValueOrDefault(string name) => TryGetValue(name, out var value) ? value : null;
}
