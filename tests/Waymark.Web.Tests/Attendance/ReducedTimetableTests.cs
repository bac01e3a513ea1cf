using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Testing;

namespace Waymark.Web.Tests.Attendance;

/// <summary>
/// Reduced timetables through the pages: the child's school records, reviews and ends them; the LA and the child's
/// social worker view; anyone else gets "not found". Each test makes its own schools, staff and child.
/// </summary>
public abstract class ReducedTimetableTests(WaymarkTestHost host)
{
    private static readonly DateOnly Today = TestWorld.Today;

    private static int _next;

    /// <summary>A child on the roll of a new school with an attendance lead, a social worker of its own, and a second school.</summary>
    private sealed record World(Child Child, School School, WaymarkUser AttendanceLead, WaymarkUser OtherHeadteacher, WaymarkUser SocialWorker)
    {
        public string List => $"/children/{Child.Id}/reduced-timetables";
    }

    private async Task<World> NewWorldAsync(bool socialWorker = true)
    {
        var n = Interlocked.Increment(ref _next);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var hasher = new PasswordHasher<WaymarkUser>();
        await using var db = host.CreateDbContext();
        var school = new School { Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 8000 + (n * 2), Name = $"Brookside {tag}", Phase = SchoolPhase.Secondary, Type = "Academy converter" };
        var other = new School { Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 8001 + (n * 2), Name = $"Other {tag}", Phase = SchoolPhase.Secondary, Type = "Academy converter" };
        db.Schools.AddRange(school, other);
        var lead = TestWorld.NewUser($"lead.{tag}@rt.test.example", "Brookside Attendance Lead", Role.AttendanceLead, school, hasher);
        var head = TestWorld.NewUser($"head.{tag}@rt.test.example", "Other Headteacher", Role.Headteacher, other, hasher);
        var worker = TestWorld.NewUser($"sw.{tag}@rt.test.example", "Social Worker", Role.SocialWorker, null, hasher);
        db.Users.AddRange(lead, head, worker);
        var child = TestWorld.NewChild("Tia", "Moran", new DateOnly(TestWorld.ThisYear.StartYear - 13, 4, 4), Sex.Female, school.EstablishmentNumber, 1);
        child.Enrolments.Add(new Enrolment { School = school, StartDate = Today.AddYears(-2), Type = EnrolmentType.Single });
        if (socialWorker)
        {
            child.KeyPeople.Add(new KeyPerson { Role = KeyPersonRole.SocialWorker, User = worker, StartDate = Today.AddMonths(-3) });
        }

        db.Children.Add(child);
        await db.SaveChangesAsync();
        return new World(child, school, lead, head, worker);
    }

    private static Dictionary<string, string> Date(string name, DateOnly d) => new()
    {
        [$"{name}.Day"] = d.Day.ToString(CultureInfo.InvariantCulture), [$"{name}.Month"] = d.Month.ToString(CultureInfo.InvariantCulture),
        [$"{name}.Year"] = d.Year.ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> Form(DateOnly start, DateOnly end, DateOnly? informed = null, bool agreed = true)
    {
        var form = new Dictionary<string, string>
        {
            ["HoursPerWeek"] = "15", ["Reason"] = "MedicalNeeds", ["PlanToFullTime"] = "Mornings for two weeks, then add afternoons; full time by the planned end",
            ["EarlyHelpConsidered"] = "no",
        };
        foreach (var part in Date("StartDate", start).Concat(Date("PlannedEndDate", end)))
        {
            form[part.Key] = part.Value;
        }

        if (agreed)
        {
            form["ParentAgreedBy"] = "Lisa Moran (mother)";
            foreach (var part in Date("ParentAgreedOn", start.AddDays(-3) < Today ? start.AddDays(-3) : Today))
            {
                form[part.Key] = part.Value;
            }
        }

        if (informed is DateOnly i)
        {
            foreach (var part in Date("SocialWorkerInformedOn", i))
            {
                form[part.Key] = part.Value;
            }
        }

        return form;
    }

    private static int TimetableId(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);

    private async Task<List<AttendanceAlert>> AlertsAsync(Guid childId)
    {
        await using var db = host.CreateDbContext();
        return await db.AttendanceAlerts.AsNoTracking().Where(a => a.ChildId == childId).OrderBy(a => a.Kind).ToListAsync();
    }

    [Fact]
    public async Task The_childs_school_records_a_timetable_which_is_audited_and_shown()
    {
        var w = await NewWorldAsync();
        var lead = await host.SignedInClientAsync(w.AttendanceLead.Email!);

        var response = await lead.PostFormAsync($"{w.List}/new", Form(Today.AddDays(-3), Today.AddDays(25), informed: Today.AddDays(-2)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = TimetableId(response);
        await using (var db = host.CreateDbContext())
        {
            var t = await db.ReducedTimetables.SingleAsync(x => x.ChildId == w.Child.Id);
            Assert.Equal((id, w.School.Id, 15m, ReducedTimetableReason.MedicalNeeds, "Lisa Moran (mother)", Today.AddDays(-2)),
                (t.Id, t.SchoolId, t.HoursPerWeek, t.Reason, t.ParentAgreedBy, t.SocialWorkerInformedOn));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.ChildId == w.Child.Id && e.Action == AuditActions.ReducedTimetableChanged && e.UserId == w.AttendanceLead.Id));
        }

        var page = await (await lead.GetAsync($"{w.List}/{id}")).GetDocumentAsync();
        Assert.Contains("Lisa Moran (mother)", page.QuerySelector("#details")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#alerts"));
        Assert.NotNull(page.QuerySelector("#record-review"));
        var list = await (await lead.GetAsync(w.List)).GetDocumentAsync();
        Assert.Contains("None", list.QuerySelector($"#timetable-{id}")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await AlertsAsync(w.Child.Id));
        var record = await (await lead.GetAsync($"/children/{w.Child.Id}")).GetDocumentAsync();
        Assert.NotNull(record.QuerySelector($"#time-lost a[href='{w.List}']"));
        var attendance = await (await lead.GetAsync($"/children/{w.Child.Id}/attendance")).GetDocumentAsync();
        var row = Assert.Single(attendance.QuerySelectorAll("#reduced-timetables tbody tr"));
        Assert.Contains("Running", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector($"a[href='{w.List}/{id}']"));
    }

    [Fact]
    public async Task Without_the_parents_agreement_nothing_is_saved_and_the_fields_are_named()
    {
        var w = await NewWorldAsync();
        var lead = await host.SignedInClientAsync(w.AttendanceLead.Email!);

        var response = await lead.PostFormAsync($"{w.List}/new", Form(Today, Today.AddDays(20), agreed: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.GetDocumentAsync();
        var summary = page.QuerySelector(".govuk-error-summary")!;
        Assert.NotNull(summary.QuerySelector("a[href='#ParentAgreedBy']"));
        Assert.NotNull(summary.QuerySelector("a[href='#ParentAgreedOn']"));
        Assert.Contains("cannot be recorded without a parent’s agreement", page.QuerySelector("#ParentAgreedBy-error")!.TextContent, StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        Assert.False(await db.ReducedTimetables.AnyAsync(t => t.ChildId == w.Child.Id));
    }

    [Fact]
    public async Task Behaviour_and_bad_values_are_refused_each_against_its_field()
    {
        var w = await NewWorldAsync();
        var lead = await host.SignedInClientAsync(w.AttendanceLead.Email!);
        var behaviour = Form(Today, Today.AddDays(20));
        behaviour["Reason"] = "Other";
        behaviour["ReasonDetail"] = "To manage behaviour in the afternoons";
        var bad = Form(Today, Today.AddDays(-1));
        bad["HoursPerWeek"] = "32.5";
        bad["PlanToFullTime"] = "";
        bad.Remove("EarlyHelpConsidered");
        var noEnd = Form(Today, Today.AddDays(20));
        noEnd.Remove("PlannedEndDate.Day");
        noEnd.Remove("PlannedEndDate.Month");
        noEnd.Remove("PlannedEndDate.Year");
        noEnd.Remove("ParentAgreedBy");

        var behaviourPage = await (await lead.PostFormAsync($"{w.List}/new", behaviour)).GetDocumentAsync();
        var badPage = await (await lead.PostFormAsync($"{w.List}/new", bad)).GetDocumentAsync();

        Assert.Contains("must not be used to manage a pupil’s behaviour", behaviourPage.QuerySelector("#ReasonDetail-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The planned end date must be after the start date", badPage.QuerySelector("#PlannedEndDate-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("fewer than 32.5", badPage.QuerySelector("#HoursPerWeek-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(badPage.QuerySelector("#PlanToFullTime-error"));
        Assert.NotNull(badPage.QuerySelector("#EarlyHelpConsidered-error"));
        var noEndPage = await (await lead.PostFormAsync($"{w.List}/new", noEnd)).GetDocumentAsync();
        Assert.Equal("Error: Enter the planned end date: a reduced timetable must be time-limited", noEndPage.QuerySelector("#PlannedEndDate-error")!.TextContent.Trim());
        Assert.NotNull(noEndPage.QuerySelector("#ParentAgreedBy-error"));
        Assert.Equal(2, noEndPage.QuerySelectorAll(".govuk-error-summary li").Length);
        await using var db = host.CreateDbContext();
        Assert.False(await db.ReducedTimetables.AnyAsync(t => t.ChildId == w.Child.Id));
    }

    [Fact]
    public async Task Another_schools_staff_get_not_found_and_the_attempt_is_audited()
    {
        var w = await NewWorldAsync();
        var other = await host.SignedInClientAsync(w.OtherHeadteacher.Email!);
        var lead = await host.SignedInClientAsync(w.AttendanceLead.Email!);
        var id = TimetableId(await lead.PostFormAsync($"{w.List}/new", Form(Today.AddDays(-1), Today.AddDays(20), informed: Today)));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(w.List)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{w.List}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync($"{w.List}/new", Form(Today, Today.AddDays(20)), formPage: "/")).StatusCode);

        await using var db = host.CreateDbContext();
        Assert.Equal(3, await db.AuditEvents.CountAsync(e => e.ChildId == w.Child.Id && e.UserId == w.OtherHeadteacher.Id && e.Action == AuditActions.ChildRefused));
        Assert.Equal(1, await db.ReducedTimetables.CountAsync(t => t.ChildId == w.Child.Id));
    }

    [Fact]
    public async Task The_social_worker_and_the_LA_view_but_cannot_record()
    {
        var w = await NewWorldAsync();
        var lead = await host.SignedInClientAsync(w.AttendanceLead.Email!);
        var id = TimetableId(await lead.PostFormAsync($"{w.List}/new", Form(Today.AddDays(-1), Today.AddDays(20), informed: Today)));

        foreach (var email in new[] { w.SocialWorker.Email!, TestWorld.EmailFor(Role.LaOfficer) })
        {
            var client = await host.SignedInClientAsync(email);
            var list = await client.GetAsync(w.List);
            var page = await (await client.GetAsync($"{w.List}/{id}")).GetDocumentAsync();

            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Null((await list.GetDocumentAsync()).QuerySelector("#record-new"));
            Assert.Contains("Lisa Moran (mother)", page.QuerySelector("#details")!.TextContent, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector("#record-review"));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{w.List}/new")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync($"{w.List}/{id}/review", new() { ["Attendees"] = "x" }, formPage: "/")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync($"{w.List}/{id}/end", Date("EndedOn", Today), formPage: "/")).StatusCode);
        }

        await using var db = host.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ChildId == w.Child.Id && e.UserId == w.SocialWorker.Id && e.Action == AuditActions.ReducedTimetableViewed));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ChildId == w.Child.Id && e.UserId == w.SocialWorker.Id && e.Action == AuditActions.ChildRefused));
        var t = await db.ReducedTimetables.Include(x => x.Reviews).SingleAsync(x => x.Id == id);
        Assert.Empty(t.Reviews);
        Assert.Null(t.EndedOn);
    }

    [Fact]
    public async Task A_social_worker_of_other_children_gets_not_found_analysts_forbidden_and_visitors_sign_in()
    {
        var w = await NewWorldAsync(socialWorker: false);
        var worker = await host.SignedInClientAsync(w.SocialWorker.Email!);
        var analyst = await host.SignedInClientAsync(TestWorld.EmailFor(Role.Analyst));

        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync(w.List)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync(w.List)).StatusCode);
        var signedOut = await host.CreateClient().GetAsync(w.List);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/sign-in", signedOut.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ChildId == w.Child.Id && e.UserId == w.SocialWorker.Id && e.Action == AuditActions.ChildRefused));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.ChildId == w.Child.Id && e.Action == AuditActions.ReducedTimetableViewed));
    }

    [Fact]
    public async Task Alerts_are_raised_on_saving_and_cleared_by_a_review_and_the_return_to_full_time()
    {
        var w = await NewWorldAsync();
        var lead = await host.SignedInClientAsync(w.AttendanceLead.Email!);

        // Started three weeks ago for eight weeks, never reviewed, social worker not told.
        var id = TimetableId(await lead.PostFormAsync($"{w.List}/new", Form(Today.AddDays(-21), Today.AddDays(35))));

        var raised = await AlertsAsync(w.Child.Id);
        Assert.Equal(
            [AlertKind.ReducedTimetableOverSixWeeks, AlertKind.ReducedTimetableReviewOverdue, AlertKind.ReducedTimetableSocialWorkerNotInformed],
            raised.Select(a => a.Kind));
        Assert.All(raised, a => Assert.Equal((w.School.Id, (DateOnly?)null), (a.SchoolId, a.ClearedOn)));
        Assert.Equal(
            [ReducedTimetableAlerts.TimetableKey(id), ReducedTimetableAlerts.ReviewKey(id, Today.AddDays(-7)), ReducedTimetableAlerts.TimetableKey(id)],
            raised.Select(a => a.Key));
        var list = await (await lead.GetAsync(w.List)).GetDocumentAsync();
        Assert.NotNull(list.QuerySelector($"#timetable-{id} [data-alert={AlertKind.ReducedTimetableReviewOverdue}]"));

        var review = new Dictionary<string, string>
        {
            ["Attendees"] = "Tia, Lisa Moran (mother), attendance lead", ["Outcome"] = "Settled in mornings", ["NewHoursPerWeek"] = "20",
            ["PlanToFullTime"] = Form(Today, Today)["PlanToFullTime"],
        };
        foreach (var part in Date("ReviewedOn", Today).Concat(Date("NextReviewOn", Today.AddDays(14))).Concat(Date("SocialWorkerInformedOn", Today)))
        {
            review[part.Key] = part.Value;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"{w.List}/{id}/review", review)).StatusCode);
        var afterReview = await AlertsAsync(w.Child.Id);
        Assert.Equal([AlertKind.ReducedTimetableOverSixWeeks], afterReview.Where(a => a.ClearedOn is null).Select(a => a.Kind));
        Assert.Equal(2, afterReview.Count(a => a.ClearedOn == Today));
        var page = await (await lead.GetAsync($"{w.List}/{id}")).GetDocumentAsync();
        Assert.Contains("20 of 32.5 (started at 15)", page.QuerySelector("#details")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"{w.List}/{id}/end", Date("EndedOn", Today))).StatusCode);
        Assert.All(await AlertsAsync(w.Child.Id), a => Assert.Equal(Today, a.ClearedOn));
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"{w.List}/{id}/review")).StatusCode);

        // Recomputing again changes nothing.
        await using var db = host.CreateDbContext();
        Assert.Equal(new AlertChanges(0, 0), await ReducedTimetableAlerts.RecomputeAsync(db, Today, [w.Child.Id]));
    }

    [Fact]
    public async Task A_bad_review_is_refused_per_field_and_not_saved()
    {
        var w = await NewWorldAsync();
        var lead = await host.SignedInClientAsync(w.AttendanceLead.Email!);
        var id = TimetableId(await lead.PostFormAsync($"{w.List}/new", Form(Today.AddDays(-7), Today.AddDays(20), informed: Today)));
        var review = new Dictionary<string, string>(Date("ReviewedOn", Today.AddDays(-8))) { ["Outcome"] = "Fine", ["NewHoursPerWeek"] = "lots" };

        var page = await (await lead.PostFormAsync($"{w.List}/{id}/review", review)).GetDocumentAsync();

        Assert.Contains("on or after the timetable started", page.QuerySelector("#ReviewedOn-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Enter who attended the review", page.QuerySelector("#Attendees-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("must be a number", page.QuerySelector("#NewHoursPerWeek-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Enter the date of the next review", page.QuerySelector("#NextReviewOn-error")!.TextContent, StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        Assert.False(await db.ReducedTimetableReviews.AnyAsync(r => r.ReducedTimetableId == id));
    }

    [Fact]
    public async Task C2_marks_without_a_timetable_are_flagged_until_one_covers_them()
    {
        var w = await NewWorldAsync(socialWorker: false);
        var year = TestWorld.ThisYear;
        var c2Day = Today.AddDays(-7) >= year.Start ? Today.AddDays(-7) : year.Start;
        await using (var db = host.CreateDbContext())
        {
            var marks = new YearMarks(year);
            marks.Set(c2Day, Session.PM, AttendanceCodes.PartTimeTimetable);
            db.AttendanceYears.Add(new AttendanceYear { ChildId = w.Child.Id, SchoolId = w.School.Id, AcademicYear = year.StartYear, Marks = marks.Bytes, UpdatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            Assert.Equal(new AlertChanges(1, 0), await ReducedTimetableAlerts.RecomputeAsync(db, Today, [w.Child.Id]));
        }

        var alert = Assert.Single(await AlertsAsync(w.Child.Id));
        Assert.Equal((AlertKind.PartTimeMarksWithoutTimetable, AlertOwner.School, ReducedTimetableAlerts.MarksKey(year, w.School.Id)), (alert.Kind, alert.Owner, alert.Key));
        var lead = await host.SignedInClientAsync(w.AttendanceLead.Email!);
        var list = await (await lead.GetAsync(w.List)).GetDocumentAsync();
        Assert.Contains("1 C2 session on", list.QuerySelector("#uncovered-marks")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"{w.List}/new", Form(c2Day, c2Day.AddDays(14)))).StatusCode);

        Assert.NotNull(Assert.Single(await AlertsAsync(w.Child.Id), a => a.Kind == AlertKind.PartTimeMarksWithoutTimetable).ClearedOn);
        Assert.Null((await (await lead.GetAsync(w.List)).GetDocumentAsync()).QuerySelector("#uncovered-marks"));
    }

    [Fact]
    public async Task An_unhandled_alert_reopens_when_its_condition_returns_and_a_handled_one_stays_handled()
    {
        var w = await NewWorldAsync(socialWorker: false);
        int id;
        await using (var db = host.CreateDbContext())
        {
            var t = new ReducedTimetable
            {
                ChildId = w.Child.Id, SchoolId = w.School.Id, StartDate = Today.AddDays(-3), PlannedEndDate = Today.AddDays(20), HoursPerWeek = 15m,
                Reason = ReducedTimetableReason.MedicalNeeds, ParentAgreedBy = "Lisa Moran (mother)", ParentAgreedOn = Today.AddDays(-4),
            };
            db.ReducedTimetables.Add(t);
            await db.SaveChangesAsync();
            id = t.Id;
            Assert.Equal(new AlertChanges(1, 0), await ReducedTimetableAlerts.RecomputeAsync(db, Today, [w.Child.Id]));
        }

        async Task<AlertChanges> ChangeAsync(Action<ReducedTimetable, AttendanceAlert> change)
        {
            await using var db = host.CreateDbContext();
            var t = await db.ReducedTimetables.SingleAsync(x => x.Id == id);
            change(t, await db.AttendanceAlerts.SingleAsync(a => a.ChildId == w.Child.Id));
            await db.SaveChangesAsync();
            return await ReducedTimetableAlerts.RecomputeAsync(db, Today, [w.Child.Id]);
        }

        // Nobody has handled it: cleared by a plan, back when the plan goes.
        Assert.Equal(new AlertChanges(0, 1), await ChangeAsync((t, _) => t.PlanToFullTime = "Full time after half term"));
        Assert.Equal(new AlertChanges(1, 0), await ChangeAsync((t, _) => t.PlanToFullTime = null));
        var reopened = Assert.Single(await AlertsAsync(w.Child.Id));
        Assert.Equal((AlertKind.ReducedTimetableWithoutPlan, (DateOnly?)null, (DateTime?)null), (reopened.Kind, reopened.ClearedOn, reopened.HandledAtUtc));

        // Handled: final for this occurrence, whatever the condition does next.
        Assert.Equal(new AlertChanges(0, 0), await ChangeAsync((_, a) => (a.HandledAtUtc, a.HandledNote) = (DateTime.UtcNow, "Chased the school")));
        Assert.Equal(new AlertChanges(0, 1), await ChangeAsync((t, _) => t.PlanToFullTime = "Full time after half term"));
        Assert.Equal(new AlertChanges(0, 0), await ChangeAsync((t, _) => t.PlanToFullTime = null));
        var handled = Assert.Single(await AlertsAsync(w.Child.Id));
        Assert.Equal(("Chased the school", Today), (handled.HandledNote, handled.ClearedOn));
    }

    [Fact]
    public async Task A_timetable_recorded_without_a_plan_is_flagged_until_a_review_adds_one_which_cannot_then_be_removed()
    {
        var w = await NewWorldAsync();
        var lead = await host.SignedInClientAsync(w.AttendanceLead.Email!);
        var form = Form(Today.AddDays(-2), Today.AddDays(20), informed: Today);
        form["PlanToFullTime"] = "";

        var id = TimetableId(await lead.PostFormAsync($"{w.List}/new", form));

        Assert.Equal([AlertKind.ReducedTimetableWithoutPlan], (await AlertsAsync(w.Child.Id)).Select(a => a.Kind));
        var reviewPage = await (await lead.GetAsync($"{w.List}/{id}/review")).GetDocumentAsync();
        Assert.Contains("No plan has been recorded yet", reviewPage.QuerySelector("#PlanToFullTime-hint")!.TextContent, StringComparison.Ordinal);
        var review = new Dictionary<string, string>
        {
            ["Attendees"] = "Tia, Lisa Moran (mother)", ["Outcome"] = "Plan agreed", ["PlanToFullTime"] = "Add Tuesday afternoons from next week; full time by the planned end",
        };
        foreach (var part in Date("ReviewedOn", Today).Concat(Date("NextReviewOn", Today.AddDays(14))))
        {
            review[part.Key] = part.Value;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"{w.List}/{id}/review", review)).StatusCode);

        var alert = Assert.Single(await AlertsAsync(w.Child.Id));
        Assert.Equal(Today, alert.ClearedOn);
        await using (var db = host.CreateDbContext())
        {
            Assert.Equal(review["PlanToFullTime"], (await db.ReducedTimetables.SingleAsync(t => t.Id == id)).PlanToFullTime);
            Assert.True(await db.AuditEvents.AnyAsync(a => a.ChildId == w.Child.Id && a.Detail!.EndsWith("plan back to full time added")));
        }

        review["PlanToFullTime"] = " ";
        var blanked = await (await lead.PostFormAsync($"{w.List}/{id}/review", review)).GetDocumentAsync();
        Assert.Contains("a plan once agreed can be changed but not removed", blanked.QuerySelector("#PlanToFullTime-error")!.TextContent, StringComparison.Ordinal);
        await using var check = host.CreateDbContext();
        Assert.Equal(1, await check.ReducedTimetableReviews.CountAsync(r => r.ReducedTimetableId == id));
    }

    [Fact]
    public async Task Another_childs_timetable_is_not_found_under_this_child()
    {
        var w = await NewWorldAsync();
        var lead = await host.SignedInClientAsync(w.AttendanceLead.Email!);
        var id = TimetableId(await lead.PostFormAsync($"{w.List}/new", Form(Today.AddDays(-1), Today.AddDays(20), informed: Today)));
        var second = await NewWorldAsync();
        var secondLead = await host.SignedInClientAsync(second.AttendanceLead.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await secondLead.GetAsync($"{second.List}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secondLead.GetAsync($"{second.List}/{id}/end")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReducedTimetableTestsOnSqlite(SqliteHost fixture) : ReducedTimetableTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class ReducedTimetableTestsOnPostgres(PostgresHost fixture) : ReducedTimetableTests(fixture.Host);
