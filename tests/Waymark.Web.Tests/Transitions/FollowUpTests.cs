using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;
using Waymark.Testing;

namespace Waymark.Web.Tests.Transitions;

/// <summary>The Year 7 reviews: recorded by the secondary school after the move, flags when attendance falls or a child is suspended.</summary>
public abstract class FollowUpTests(WaymarkTestHost host)
{
    private static Dictionary<string, string> Review(DateOnly held, string year7, string suspensions) => new()
    {
        ["HeldOn.Day"] = held.Day.ToString(CultureInfo.InvariantCulture), ["HeldOn.Month"] = held.Month.ToString(CultureInfo.InvariantCulture),
        ["HeldOn.Year"] = held.Year.ToString(CultureInfo.InvariantCulture), ["SettlingIn"] = "Settling", ["Year6Attendance"] = "96.4",
        ["Year7Attendance"] = year7, ["Suspensions"] = suspensions, ["Notes"] = "Has joined the chess club", ["NextSteps"] = "Check in weekly",
    };

    [Fact]
    public async Task A_review_below_90_percent_flags_the_child_on_the_schools_and_the_LAs_lists()
    {
        var t = host.World.Year7Transition;
        var secondary = await host.SignedInClientAsync(host.World.SecondaryTransitionLead.Email!);

        var response = await secondary.PostFormAsync($"/transition/{t.Id}/follow-up/six-weeks", Review(TestWorld.Today, "88.5", "0"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var db = host.CreateDbContext())
        {
            var review = await db.FollowUpReviews.SingleAsync(f => f.TransitionId == t.Id && f.Kind == FollowUpKind.SixWeeks);
            Assert.Equal((88.5m, 96.4m, "Year 7 attendance is 88.5%, below 90%"), (review.Year7AttendancePercent!.Value, review.Year6AttendancePercent!.Value, review.Flags));
        }

        var worklist = await (await secondary.GetAsync("/transition")).GetDocumentAsync();
        Assert.Contains("Flagged", worklist.QuerySelector("#year-7")!.TextContent, StringComparison.Ordinal);
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var board = await (await officer.GetAsync("/transition/board")).GetDocumentAsync();
        Assert.NotNull(board.QuerySelector($"#flagged a[href='/transition/{t.Id}']"));

        // Back above the line with no suspension: no longer flagged.
        await secondary.PostFormAsync($"/transition/{t.Id}/follow-up/six-weeks", Review(TestWorld.Today, "95", "0"));
        await using var after = host.CreateDbContext();
        Assert.Null((await after.FollowUpReviews.SingleAsync(f => f.TransitionId == t.Id && f.Kind == FollowUpKind.SixWeeks)).Flags);
    }

    [Fact]
    public async Task A_new_review_starts_from_the_register_marks_for_Year_6_and_Year_7()
    {
        var world = host.World;
        var child = TestWorld.NewChild("Keira", "Marsh", new DateOnly(TestWorld.ThisYear.StartYear - 12, 3, 2), Sex.Female, 4001, 931);
        // Not put on the shared secondary's roll, which other tests count, so the LA officer (who records reviews too) opens it.
        var t = TestWorld.NewTransition(child, TestWorld.ThisYear.StartYear - 1, world.Primary, CohortDecision.Confirmed);
        t.DestinationSchoolId = world.Secondary.Id;
        t.DestinationStatus = DestinationStatus.Accepted;

        // Year 6: 9 of 10 sessions present (90%). Year 7: 6 of 8 present, 2 illness (75%).
        var year6 = new YearMarks(t.Year6);
        var year7 = new YearMarks(TestWorld.ThisYear);
        for (var day = 0; day < 5; day++)
        {
            year6.Set(t.Year6.Start.AddDays(7 + day), Session.AM, AttendanceCodes.Present);
            year6.Set(t.Year6.Start.AddDays(7 + day), Session.PM, day == 4 ? AttendanceCodes.Get("O") : AttendanceCodes.Present);
        }

        for (var day = 0; day < 4; day++)
        {
            year7.Set(t.MoveDate.AddDays(day), Session.AM, day == 3 ? AttendanceCodes.Illness : AttendanceCodes.Present);
            year7.Set(t.MoveDate.AddDays(day), Session.PM, day == 3 ? AttendanceCodes.Illness : AttendanceCodes.Present);
        }

        await using (var db = host.CreateDbContext())
        {
            db.Children.Add(child);
            db.Transitions.Add(t);
            db.AttendanceYears.AddRange(
                new AttendanceYear { ChildId = child.Id, SchoolId = world.Primary.Id, AcademicYear = t.Year6.StartYear, Marks = year6.Bytes },
                new AttendanceYear { ChildId = child.Id, SchoolId = world.Secondary.Id, AcademicYear = TestWorld.ThisYear.StartYear, Marks = year7.Bytes });
            await db.SaveChangesAsync();
        }

        var secondary = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var page = await (await secondary.GetAsync($"/transition/{t.Id}/follow-up/six-weeks")).GetDocumentAsync();

        Assert.Equal("90", ((IHtmlInputElement)page.QuerySelector("#Year6Attendance")!).Value);
        Assert.Equal("75", ((IHtmlInputElement)page.QuerySelector("#Year7Attendance")!).Value);
        Assert.NotNull(page.QuerySelector("#from-registers"));

        // Without marks there is nothing to start from.
        var empty = await (await secondary.GetAsync($"/transition/{world.Year7Transition.Id}/follow-up/end-of-first-term")).GetDocumentAsync();
        Assert.Null(empty.QuerySelector("#from-registers"));
    }

    [Fact]
    public async Task A_review_before_the_move_or_in_the_future_is_refused()
    {
        var t = host.World.Year7Transition;
        var secondary = await host.SignedInClientAsync(host.World.SecondaryHeadteacher.Email!);

        var before = await secondary.PostFormAsync($"/transition/{t.Id}/follow-up/end-of-first-term", Review(t.MoveDate.AddDays(-1), "95", "0"));
        var future = await secondary.PostFormAsync($"/transition/{t.Id}/follow-up/end-of-first-term", Review(TestWorld.Today.AddDays(1), "95", "0"));
        var bad = await secondary.PostFormAsync($"/transition/{t.Id}/follow-up/end-of-first-term", Review(TestWorld.Today, "ninety", "-1"));

        Assert.Contains($"The review must be after the move to secondary school on {t.MoveDate:d MMMM yyyy}", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The review date must be today or in the past", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Year 7 attendance must be a percentage, like 93.5", badHtml, StringComparison.Ordinal);
        Assert.Contains("Suspensions must be 0 or more", badHtml, StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        Assert.False(await db.FollowUpReviews.AnyAsync(f => f.TransitionId == t.Id && f.Kind == FollowUpKind.EndOfFirstTerm));
    }

    [Fact]
    public async Task A_child_who_has_not_moved_cannot_be_followed_up()
    {
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));
        var id = host.World.PrimaryTransition.Id;

        var page = await (await officer.GetAsync($"/transition/{id}/follow-up/six-weeks")).GetDocumentAsync();
        var post = await officer.PostFormAsync($"/transition/{id}/follow-up/six-weeks", Review(TestWorld.Today, "95", "0"), formPage: $"/transition/{id}");

        Assert.Contains("can only be recorded after", page.QuerySelector("#not-yet")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[method=post] input[name=Year7Attendance]"));
        Assert.Contains("can only be recorded after", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        Assert.False(await db.FollowUpReviews.AnyAsync(f => f.TransitionId == id));
    }

    [Theory]
    [InlineData(Role.TransitionLead, HttpStatusCode.NotFound)]
    [InlineData(Role.AdvisoryTeacher, HttpStatusCode.Forbidden)]
    [InlineData(Role.SocialWorker, HttpStatusCode.NotFound)]
    public async Task Only_the_secondary_school_and_LA_officers_record_follow_ups(Role role, HttpStatusCode expected)
    {
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));

        var response = await client.PostFormAsync($"/transition/{host.World.Year7Transition.Id}/follow-up/six-weeks", Review(TestWorld.Today, "80", "3"), formPage: "/");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_review_kind_is_not_found()
    {
        var officer = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer));

        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/transition/{host.World.Year7Transition.Id}/follow-up/year-9")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FollowUpTestsOnSqlite(SqliteHost fixture) : FollowUpTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class FollowUpTestsOnPostgres(PostgresHost fixture) : FollowUpTests(fixture.Host);
