using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;
using Waymark.Testing;
using Waymark.Web.Features.Transitions.Passport;

namespace Waymark.Web.Tests.Transitions;

/// <summary>What goes on the passport, and the PDF drawn from it, without a database.</summary>
public sealed class PassportDocumentTests
{
    private static readonly DateOnly Produced = new(2026, 3, 14);

    private const string Secret = "Restricted: domestic abuse in the household, police involved";

    private static Transition NewTransition() => new()
    {
        ProposedBecause = "Child in need",
        Child = new Child { LegalForename = "Amelia", LegalSurname = "Clarke", PreferredForename = "Millie" },
        SendingSchool = new School { Name = "Larkfield Primary School", Type = "Community school" },
        DestinationSchool = new School { Name = "Hollins Academy", Type = "Academy converter" },
    };

    /// <summary>Every question of every section answered in a sentence or two: a complete profile.</summary>
    private static List<TransitionProfileSection> TypicalSections() =>
    [
        Section(ProfileSection.AboutMe, ("like-about-me", TestWorld.ChildsWords), ("important-to-me", "My nan and my dog Biscuit"),
            ("support-me", "Tell me what is happening before it happens")),
        Section(ProfileSection.StrengthsAndInterests, ("good-at", "Drawing, football and looking after the little ones at breakfast club"),
            ("enjoy", "Minecraft, cooking with my nan, and art club on Thursdays")),
        Section(ProfileSection.WorriesAboutMoving, ("worries", "Getting lost in the big school and not knowing anyone in my form"),
            ("looking-forward", "The science labs and the cooking room"),
            ("would-help", "A map of the school, a buddy for the first week, and an extra visit in July with a friend.")),
        Section(ProfileSection.CommunicationAndLearning, ("sen", "SEN support: small-group reading twice a week and a word bank in lessons."),
            ("primary-need", "Speech, language and communication needs"),
            ("communication", "Short, clear instructions, one at a time; check understanding by asking her to say it back."),
            ("works-in-class", "Sitting near the front, a visual timetable, and a quiet space when things get too loud.")),
        Section(ProfileSection.AttendanceAndPunctuality, ("picture", "91% this year, mostly late on Mondays"), ("barriers", "Mornings at home"),
            ("helps", "Breakfast club and a text to mum when she is late.")),
        Section(ProfileSection.Behaviour, ("behaviour", "Generally settled in class."),
            ("triggers", "Sudden changes to the day, loud corridors and being told off in front of others."),
            ("calms", "Time out with a drawing pad for five minutes, then a quiet chat with a trusted adult.")),
        Section(ProfileSection.HealthAndMedical, ("conditions", "Mild asthma: blue inhaler kept in class."),
            ("wellbeing", "Can worry at night before school trips; sees the learning mentor weekly.")),
        Section(ProfileSection.FamilyAndProfessionals, SharingLevel.Restricted, ("family", "Lives with mum and two younger brothers"), ("safeguarding", Secret)),
        Section(ProfileSection.WhatHasWorked, ("worked", "Giving her a job to do at the start of the day."), ("not-worked", "Reward charts.")),
        Section(ProfileSection.SupportPlan, ("summary", "Extra visits in the summer term, a key adult from day one, and a buddy in her form.")),
        Section(ProfileSection.VisitsAndKeyAdult, ("visits", "17 June: a tour with a friend. 8 July: a taster morning in science and cooking."),
            ("key-adult-name", "Mrs Patel"), ("key-adult-role", "Learning mentor")),
    ];

    private static List<SupportPlanAction> TypicalActions() =>
    [
        new() { Id = 1, Action = "Arrange two extra visits", Owner = "Primary Transition Lead", ByWhen = new DateOnly(2026, 6, 30) },
        new() { Id = 2, Action = "Introduce the key adult", Owner = "Secondary SENCo", ByWhen = new DateOnly(2026, 7, 10) },
        new() { Id = 3, Action = "Send the visual timetable", Owner = "Class teacher", ByWhen = new DateOnly(2026, 5, 1), DoneOn = new DateOnly(2026, 4, 28) },
    ];

    private static TransitionProfileSection Section(ProfileSection section, params (string Key, string Answer)[] answers) =>
        Section(section, SharingLevel.Shareable, answers);

    private static TransitionProfileSection Section(ProfileSection section, SharingLevel sharing, params (string Key, string Answer)[] answers) => new()
    {
        Section = section, Sharing = sharing, Status = SectionStatus.Complete, Answers = answers.ToDictionary(a => a.Key, a => a.Answer),
    };

    private static IEnumerable<string> AllText(TransitionPassport passport) =>
        passport.Parts.SelectMany(p => p.Entries.Select(e => e.Text).Concat(p.Actions.Select(a => a.What)).Append(p.Heading));

    [Fact]
    public void The_passport_is_made_from_the_shareable_sections_only()
    {
        var sections = TypicalSections();
        sections.Single(s => s.Section == ProfileSection.StrengthsAndInterests).Sharing = SharingLevel.Restricted;

        var passport = TransitionPassport.From(NewTransition(), sections, TypicalActions(), Produced);

        var text = AllText(passport).ToList();
        Assert.DoesNotContain(text, t => t.Contains("Restricted", StringComparison.Ordinal) || t.Contains("Lives with mum", StringComparison.Ordinal));
        Assert.DoesNotContain(text, t => t.Contains("Minecraft", StringComparison.Ordinal));
        Assert.DoesNotContain(passport.Parts, p => p.Heading == "What I'm good at and enjoy");
        Assert.Contains(text, t => t == TestWorld.ChildsWords);
        Assert.Equal("Millie Clarke", passport.KnownAs);
        Assert.Equal("From Larkfield Primary School to Hollins Academy", passport.Journey);
        Assert.Equal("Produced on 14 March 2026", passport.Produced);
    }

    [Fact]
    public void The_childs_words_are_kept_exactly_as_written_and_marked_as_theirs()
    {
        const string words = "I'm  good at   drawing dragons.\nAnd I don't like it when it's LOUD!!";
        var sections = new List<TransitionProfileSection>
        {
            Section(ProfileSection.StrengthsAndInterests, ("good-at", "  " + words + "\n")),
            Section(ProfileSection.Behaviour, ("calms", "Quiet time")),
        };

        var passport = TransitionPassport.From(NewTransition(), sections, [], Produced);

        var own = passport.Parts.SelectMany(p => p.Entries).Single(e => e.Label == "What I'm good at");
        Assert.Equal(words, own.Text);
        Assert.True(own.ChildsOwnWords);
        Assert.False(passport.Parts.SelectMany(p => p.Entries).Single(e => e.Label == "What calms me").ChildsOwnWords);
    }

    [Fact]
    public void Empty_answers_and_empty_headings_are_left_out()
    {
        var sections = new List<TransitionProfileSection>
        {
            Section(ProfileSection.AboutMe, ("like-about-me", "   "), ("important-to-me", "My dog"), ("support-me", "")),
            Section(ProfileSection.WorriesAboutMoving, ("worries", " \n ")),
        };

        var passport = TransitionPassport.From(NewTransition(), sections, [], Produced);

        var part = Assert.Single(passport.Parts);
        Assert.Equal("About me", part.Heading);
        Assert.Equal("My dog", Assert.Single(part.Entries).Text);
    }

    [Fact]
    public void The_support_plan_actions_are_on_it_only_while_the_support_plan_is_shareable()
    {
        var shared = TransitionPassport.From(NewTransition(), [], TypicalActions(), Produced);
        var restricted = TransitionPassport.From(NewTransition(), [Section(ProfileSection.SupportPlan, SharingLevel.Restricted, ("summary", "Plan"))],
            TypicalActions(), Produced);

        var plan = Assert.Single(shared.Parts);
        Assert.Equal("My support plan", plan.Heading);
        Assert.Equal(["Send the visual timetable", "Arrange two extra visits", "Introduce the key adult"], plan.Actions.Select(a => a.What));
        Assert.True(restricted.IsEmpty);
    }

    [Fact]
    public void Every_question_on_the_passport_is_in_the_profile_and_no_shareable_child_voice_question_is_missed()
    {
        var placed = TransitionPassport.Layout.SelectMany(p => p.Fields).ToList();

        foreach (var (section, key, _) in placed)
        {
            Assert.Contains(ProfileSections.Get(section).Fields, f => f.Key == key);
        }

        var childVoice = ProfileSections.All.Where(d => d.DefaultSharing == SharingLevel.Shareable)
            .SelectMany(d => d.Fields.Where(f => f.ChildsVoice).Select(f => (d.Section, f.Key)));
        Assert.All(childVoice, q => Assert.Contains(placed, p => p.Section == q.Section && p.Key == q.Key));
    }

    [Fact]
    public void A_complete_profile_makes_a_one_page_A4_pdf_quoting_the_child()
    {
        var passport = TransitionPassport.From(NewTransition(), TypicalSections(), TypicalActions(), Produced);

        var pdf = PassportPdf.Render(passport);
        var read = PdfText.Read(pdf);
        var text = PdfText.Flat(read.Text);

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Equal(1, read.Pages);
        Assert.Equal("Transition Passport", read.Title);
        Assert.Contains($"\u201c{TestWorld.ChildsWords}\u201d", text, StringComparison.Ordinal);
        Assert.Contains("What people like about me (in my own words)", text, StringComparison.Ordinal);
        Assert.Contains("My name is Millie Clarke", text, StringComparison.Ordinal);
        Assert.Contains("My photo", text, StringComparison.Ordinal);
        Assert.Contains("Send the visual timetable (Class teacher, by 1 May 2026, done)", text, StringComparison.Ordinal);
        Assert.Contains("From Larkfield Primary School to Hollins Academy", text, StringComparison.Ordinal);
        Assert.Contains("Produced on 14 March 2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Restricted", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lives with mum", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_answers_flow_on_to_another_page_and_nothing_is_cut_off()
    {
        string Long(string tag) => string.Join(' ', Enumerable.Range(1, 250).Select(i => $"{tag}{i}")) + $" {tag}-end";
        var sections = new List<TransitionProfileSection>
        {
            Section(ProfileSection.AboutMe, ("like-about-me", Long("kind")), ("important-to-me", Long("nan")), ("support-me", Long("tell"))),
            Section(ProfileSection.WhatHasWorked, ("worked", Long("job")), ("not-worked", Long("chart"))),
        };
        var passport = TransitionPassport.From(NewTransition(), sections, [], Produced);

        var read = PdfText.Read(PassportPdf.Render(passport));

        // Each page ends with its foot and each new page opens with a line saying it continues;
        // without those, the answers must read on unbroken.
        var lines = read.Text.Split('\n');
        var body = lines.Where(l => l != "My Transition Passport (continued)" && l != passport.Journey
            && !l.StartsWith(passport.Produced, StringComparison.Ordinal));
        var text = PdfText.Flat(string.Join('\n', body));

        Assert.True(read.Pages > 1, $"{read.Pages} page(s)");
        Assert.Equal(read.Pages - 1, lines.Count(l => l == "My Transition Passport (continued)"));
        Assert.Equal(read.Pages, lines.Count(l => l.StartsWith(passport.Produced, StringComparison.Ordinal)));
        Assert.Contains($"\u201c{Long("kind")}\u201d", text, StringComparison.Ordinal);
        Assert.Contains($"\u201c{Long("tell")}\u201d", text, StringComparison.Ordinal);
        Assert.Contains(Long("chart"), text, StringComparison.Ordinal);
        Assert.Contains($"{passport.Produced} · Page {read.Pages} of {read.Pages}", lines);
    }

    [Fact]
    public void Accented_names_survive_and_a_very_long_word_is_broken_rather_than_cut()
    {
        var word = new string('a', 400) + "Z";
        var sections = new List<TransitionProfileSection>
        {
            Section(ProfileSection.AboutMe, ("like-about-me", "Zoë and Łukasz are my friends"), ("important-to-me", word)),
        };

        var read = PdfText.Read(PassportPdf.Render(TransitionPassport.From(NewTransition(), sections, [], Produced)));

        Assert.Contains("\u201cZoë and Łukasz are my friends\u201d", PdfText.Flat(read.Text), StringComparison.Ordinal);
        Assert.Equal(word, string.Concat(read.Text.Split('\n').Where(l => l.Trim('\u201c', '\u201d').All(c => c is 'a' or 'Z') && l.Length > 2))
            .Trim('\u201c', '\u201d'));
    }
}

/// <summary>The passport page and PDF for every kind of user, on a real app and database.</summary>
public abstract class PassportTests(WaymarkTestHost host)
{
    public static TheoryData<string> EveryoneWhoMayOpenIt() => new(
        TestWorld.EmailFor(Role.LaAdmin), TestWorld.EmailFor(Role.LaOfficer), TestWorld.EmailFor(Role.AdvisoryTeacher),
        TestWorld.EmailFor(Role.TransitionLead), TestWorld.EmailFor(Role.Senco), TestWorld.EmailFor(Role.AttendanceLead),
        TestWorld.EmailFor(Role.Headteacher), "secondary.transition-lead@test.example", "secondary.senco@test.example");

    private string Path => $"/transition/{host.World.PrimaryTransition.Id}/passport";

    [Theory]
    [MemberData(nameof(EveryoneWhoMayOpenIt))]
    public async Task The_page_quotes_the_child_exactly_and_never_shows_the_restricted_section(string email)
    {
        var client = await host.SignedInClientAsync(email);

        var response = await client.GetAsync(Path);
        var document = await response.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var passport = document.QuerySelector("#passport")!;
        Assert.Equal("My Transition Passport", passport.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("My name is Amelia Clarke", passport.TextContent, StringComparison.Ordinal);
        var quote = passport.QuerySelector(".waymark-passport__words")!;
        Assert.Equal($"\u201c{TestWorld.ChildsWords}\u201d", quote.TextContent);
        Assert.Equal("In my own words", quote.ParentElement!.QuerySelector("figcaption")!.TextContent);
        Assert.NotNull(passport.QuerySelector(".waymark-passport__photo"));
        Assert.Contains("From Larkfield Primary School to Hollins Academy", passport.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(TestWorld.RestrictedText, document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Lives with mum", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Amelia", document.Title, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($"a[href='{Path}.pdf']"));
        Assert.Empty(document.QuerySelectorAll("script:not([src])"));
    }

    [Theory]
    [MemberData(nameof(EveryoneWhoMayOpenIt))]
    public async Task The_pdf_quotes_the_child_exactly_and_never_carries_the_restricted_section(string email)
    {
        var client = await host.SignedInClientAsync(email);

        var response = await client.GetAsync(Path + ".pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("transition-passport.pdf", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var read = PdfText.Read(pdf);
        var text = PdfText.Flat(read.Text);
        Assert.Equal(1, read.Pages);
        Assert.Contains($"\u201c{TestWorld.ChildsWords}\u201d", text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestWorld.RestrictedText, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lives with mum", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloading_the_pdf_is_audited()
    {
        var client = await host.SignedInClientAsync(host.World.SecondarySenco.Email!);
        var since = DateTime.UtcNow.AddSeconds(-1);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Path + ".pdf")).StatusCode);

        await using var db = host.CreateDbContext();
        var events = await db.AuditEvents.Where(e => e.OccurredAtUtc >= since && e.UserId == host.World.SecondarySenco.Id).ToListAsync();
        Assert.Contains(events, e => e.Action == AuditActions.PassportDownloaded && e.ChildId == host.World.PrimaryChild.Id);
        Assert.Contains(events, e => e.Action == AuditActions.TransitionViewed && e.ChildId == host.World.PrimaryChild.Id);
    }

    [Theory]
    [InlineData(Role.Analyst, HttpStatusCode.Forbidden)]
    [InlineData(Role.SocialWorker, HttpStatusCode.NotFound)]
    public async Task Those_without_a_way_in_are_refused(Role role, HttpStatusCode expected)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        Assert.Equal(expected, (await client.GetAsync(Path)).StatusCode);
        Assert.Equal(expected, (await client.GetAsync(Path + ".pdf")).StatusCode);
    }

    [Fact]
    public async Task The_receiving_schools_headteacher_is_not_a_share_recipient()
    {
        var client = await host.SignedInClientAsync(host.World.SecondaryHeadteacher.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Path + ".pdf")).StatusCode);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        var response = await host.CreateClient().GetAsync(Path + ".pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_section_made_restricted_and_the_plan_behind_it_stay_off_the_passport_even_for_the_LA()
    {
        var id = await NewTransitionAsync(
            Row(ProfileSection.AboutMe, SharingLevel.Restricted, ("like-about-me", "Words the family asked to keep private")),
            Row(ProfileSection.StrengthsAndInterests, SharingLevel.Shareable, ("good-at", "Swimming  and\nchess")),
            Row(ProfileSection.SupportPlan, SharingLevel.Restricted, ("summary", "A private plan")));
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        var html = (await (await client.GetAsync($"/transition/{id}/passport")).GetDocumentAsync()).QuerySelector("#passport")!;
        var pdf = PdfText.Flat(PdfText.Read(await client.GetByteArrayAsync($"/transition/{id}/passport.pdf")).Text);

        Assert.Equal("\u201cSwimming  and\nchess\u201d", html.QuerySelector(".waymark-passport__words")!.TextContent);
        Assert.Contains("\u201cSwimming and chess\u201d", pdf, StringComparison.Ordinal);
        foreach (var hidden in new[] { "Words the family asked to keep private", "A private plan", "Book a visit" })
        {
            Assert.DoesNotContain(hidden, html.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(hidden, pdf, StringComparison.Ordinal);
        }
    }

    private static TransitionProfileSection Row(ProfileSection section, SharingLevel sharing, params (string Key, string Answer)[] answers) => new()
    {
        Section = section, Sharing = sharing, Status = SectionStatus.InProgress, Version = 1,
        Answers = answers.ToDictionary(a => a.Key, a => a.Answer), UpdatedAtUtc = DateTime.UtcNow,
    };

    private async Task<Guid> NewTransitionAsync(params TransitionProfileSection[] sections)
    {
        await using var db = host.CreateDbContext();
        var child = host.World.NewPrimaryPupil("Priya", "Passport");
        db.Children.Add(child);
        var transition = TestWorld.NewTransition(child, TestWorld.ThisYear.StartYear, host.World.Primary, CohortDecision.Confirmed);
        transition.Sections.AddRange(sections);
        transition.SupportActions.Add(new SupportPlanAction
        {
            Action = "Book a visit", Owner = "Transition Lead", ByWhen = TestWorld.Today.AddDays(30), CreatedAtUtc = DateTime.UtcNow,
        });
        db.Transitions.Add(transition);
        await db.SaveChangesAsync();
        return transition.Id;
    }
}

// One test adds a pupil to the primary's roll: run with the sharing tests, on their own database.
[Collection(SharingSqliteCollection.Name)]
public sealed class PassportTestsOnSqlite(SqliteHost fixture) : PassportTests(fixture.Host);

[Collection(SharingPostgresCollection.Name)]
public sealed class PassportTestsOnPostgres(PostgresHost fixture) : PassportTests(fixture.Host);
