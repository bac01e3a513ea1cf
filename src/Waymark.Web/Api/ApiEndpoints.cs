using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.Integrations;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;
using Waymark.Web.Features.Transitions;

namespace Waymark.Web.Api;

/// <summary>
/// The versioned JSON API for integrations, all under <see cref="Prefix"/>: read-only, each endpoint behind one
/// permission scope, every child scoped as in the web app (404 for any child the integration may not see, exactly as
/// for one that does not exist), every call audited (<see cref="ApiCallAuditFilter"/>), rate limited per token, and
/// errors as problem details. Children are named in URLs by their opaque id only, never a UPN or a name.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public const string OpenApiPath = Prefix + "/openapi.json";

    private const string ChildNotFound = "There is no child with this id that this integration may see.";

    public static void MapWaymarkApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var v1 = app.MapGroup(Prefix)
            .AddEndpointFilter<ApiCallAuditFilter>()
            .RequireRateLimiting(ApiRateLimits.Policy)
            .WithGroupName(ApiOpenApi.DocumentName)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        v1.MapGet("/children", ListChildrenAsync).Needs(ApiScope.ChildrenRead)
            .WithName("listChildren").WithTags("Children")
            .WithSummary("The children the integration may see, a page at a time")
            .WithDescription("Ordered by id, so pages are stable. Filter by the URN of a school the child is on the roll of today, and by a status current today.");
        v1.MapGet("/children/{id:guid}", GetChildAsync).Needs(ApiScope.ChildrenRead)
            .WithName("getChild").WithTags("Children").WithSummary("One child").ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapGet("/children/{id:guid}/statuses", StatusesAsync).Needs(ApiScope.ChildrenRead)
            .WithName("getChildStatuses").WithTags("Children").WithSummary("Every episode of a status the child has had, latest first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapGet("/children/{id:guid}/attendance", AttendanceAsync).Needs(ApiScope.AttendanceRead)
            .WithName("getChildAttendance").WithTags("Attendance")
            .WithSummary("A child's attendance in an academic year, in all and by school")
            .WithDescription("academicYear as \"2025/26\" or \"2025\"; the current year when left out. DfE's categories and rates.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapGet("/children/{id:guid}/suspensions", SuspensionsAsync).Needs(ApiScope.SuspensionsRead)
            .WithName("getChildSuspensions").WithTags("Suspensions").WithSummary("Suspensions and permanent exclusions, latest first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapGet("/children/{id:guid}/reduced-timetables", ReducedTimetablesAsync).Needs(ApiScope.ReducedTimetablesRead)
            .WithName("getChildReducedTimetables").WithTags("Reduced timetables").WithSummary("Reduced timetables, latest first, with today's alerts")
            .ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapGet("/children/{id:guid}/transitions", TransitionsAsync).Needs(ApiScope.TransitionsRead)
            .WithName("getChildTransitions").WithTags("Transitions")
            .WithSummary("Transitions to secondary school the integration may see, latest cohort first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapGet("/children/{id:guid}/early-help-plans", EarlyHelpPlansAsync).Needs(ApiScope.PlansRead)
            .WithName("getChildEarlyHelpPlans").WithTags("Early help")
            .WithSummary("Family Early Help Plans the child is in and the integration may see, in summary, latest first")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The document describes the API and holds no data: anyone may read it (rate limited by address).
        app.MapOpenApi(OpenApiPath).AllowAnonymous().RequireRateLimiting(ApiRateLimits.Policy);

        // Anything else under /api: a problem, not a web page (and never the sign-in page). The API only reads.
        app.MapFallback("/api/{**path}", Elsewhere)
            .RequireAuthorization(ApiAuth.AnyIntegrationPolicy)
            .RequireRateLimiting(ApiRateLimits.Policy)
            .AddEndpointFilter<ApiCallAuditFilter>()
            .ExcludeFromDescription();
    }

    private static RouteHandlerBuilder Needs(this RouteHandlerBuilder endpoint, ApiScope scope) =>
        endpoint.RequireAuthorization(ApiAuth.PolicyFor(scope)).WithMetadata(new RequiredApiScope(scope));

    private static IResult Elsewhere(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            http.Response.Headers.Allow = "GET";
            return TypedResults.Problem(detail: "The API only reads: every endpoint takes GET.", statusCode: StatusCodes.Status405MethodNotAllowed);
        }

        return ApiProblems.NotFound($"The API has no {http.Request.Path}. Its endpoints are listed at {OpenApiPath}.");
    }

    internal static async Task<Results<Ok<ApiPage<ApiChild>>, ValidationProblem>> ListChildrenAsync(
        HttpContext http, ApiChildren children, ApiCalls calls, WaymarkDbContext db,
        [FromQuery] string? page, [FromQuery] string? pageSize, [FromQuery] string? schoolUrn, [FromQuery] string? status, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (ApiPaging.PageProblem(page, out var pageNumber) is string pageProblem)
        {
            errors["page"] = [pageProblem];
        }

        if (ApiPaging.PageSizeProblem(pageSize, out var size) is string sizeProblem)
        {
            errors["pageSize"] = [sizeProblem];
        }

        int? urn = null;
        if (schoolUrn is not null)
        {
            if (int.TryParse(schoolUrn, NumberStyles.None, CultureInfo.InvariantCulture, out var u) && u > 0)
            {
                urn = u;
            }
            else
            {
                errors["schoolUrn"] = ["schoolUrn must be a school's URN, a whole number"];
            }
        }

        ChildStatusType? statusType = null;
        if (status is not null)
        {
            if (ApiCodes.TryParse<ChildStatusType>(status, out var s))
            {
                statusType = s;
            }
            else
            {
                errors["status"] = [$"status must be one of: {string.Join(", ", ApiCodes.All<ChildStatusType>())}"];
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var today = children.Today;
        var query = children.Visible;
        if (urn is int schoolUrnValue)
        {
            var currentEnrolment = CurrentOn.Enrolment(today);
            query = query.Where(c => c.Enrolments.AsQueryable().Where(currentEnrolment).Any(e => e.School!.Urn == schoolUrnValue));
        }

        if (statusType is ChildStatusType type)
        {
            var currentStatus = CurrentOn.Status(today);
            query = query.Where(c => c.Statuses.AsQueryable().Where(currentStatus).Any(x => x.Type == type));
        }

        var total = await query.CountAsync(ct);
        if (ApiPaging.BeyondTheEnd(pageNumber, total, size) is string beyond)
        {
            return ApiProblems.Invalid("page", beyond);
        }

        var found = await WithRecord(query.OrderBy(c => c.Id).Skip((pageNumber - 1) * size).Take(size)).ToListAsync(ct);
        foreach (var child in found)
        {
            calls.Read(child.Id, "child record (list of children)");
        }

        var pages = ApiPaging.Pages(total, size);
        string Link(int p)
        {
            var pairs = new List<KeyValuePair<string, string?>> { new("page", p.ToString(CultureInfo.InvariantCulture)), new("pageSize", size.ToString(CultureInfo.InvariantCulture)) };
            if (urn is int u)
            {
                pairs.Add(new("schoolUrn", u.ToString(CultureInfo.InvariantCulture)));
            }

            if (statusType is ChildStatusType t)
            {
                pairs.Add(new("status", ApiCodes.Of(t)));
            }

            return Prefix + "/children" + QueryString.Create(pairs);
        }

        var links = new ApiPageLinks(Link(pageNumber), Link(1), Link(pages), pageNumber > 1 ? Link(pageNumber - 1) : null, pageNumber < pages ? Link(pageNumber + 1) : null);
        return TypedResults.Ok(new ApiPage<ApiChild>([.. found.Select(c => ToApi(c, today))], pageNumber, size, total, pages, links));
    }

    internal static async Task<Results<Ok<ApiChild>, ProblemHttpResult>> GetChildAsync(Guid id, ApiChildren children, ApiCalls calls, CancellationToken ct)
    {
        if (!await children.MaySeeAsync(id, "child record", ct))
        {
            return ApiProblems.NotFound(ChildNotFound);
        }

        var child = await WithRecord(children.Visible.Where(c => c.Id == id)).SingleAsync(ct);
        calls.Read(id, "child record");
        return TypedResults.Ok(ToApi(child, children.Today));
    }

    internal static async Task<Results<Ok<ApiList<ApiStatus>>, ProblemHttpResult>> StatusesAsync(
        Guid id, ApiChildren children, ApiCalls calls, WaymarkDbContext db, CancellationToken ct)
    {
        if (!await children.MaySeeAsync(id, "statuses", ct))
        {
            return ApiProblems.NotFound(ChildNotFound);
        }

        var statuses = await db.ChildStatuses.AsNoTracking().Where(s => s.ChildId == id).ToListAsync(ct);
        calls.Read(id, "statuses");
        return TypedResults.Ok(new ApiList<ApiStatus>([.. statuses.OrderByDescending(s => s.StartDate).ThenByDescending(s => s.Id)
            .Select(s => new ApiStatus(ApiCodes.Of(s.Type), s.StartDate, s.EndDate, s.PrimaryNeed?.ToString(), s.IsCurrentOn(children.Today)))]));
    }

    internal static async Task<Results<Ok<ApiAttendance>, ValidationProblem, ProblemHttpResult>> AttendanceAsync(
        Guid id, ApiChildren children, ApiCalls calls, WaymarkDbContext db, [FromQuery] string? academicYear, CancellationToken ct)
    {
        var today = children.Today;
        var year = AcademicYear.Containing(today);
        if (academicYear is not null)
        {
            if (!AcademicYear.TryParse(academicYear, out year))
            {
                return ApiProblems.Invalid("academicYear", "academicYear must be an academic year such as 2025/26 or 2025");
            }

            if (year.Start > today)
            {
                return ApiProblems.Invalid("academicYear", $"The academic year {year} has not started");
            }
        }

        if (!await children.MaySeeAsync(id, $"attendance {year}", ct))
        {
            return ApiProblems.NotFound(ChildNotFound);
        }

        var period = ReportingPeriod.For(year, today);
        var rows = await db.AttendanceYears.AsNoTracking()
            .Where(y => y.ChildId == id && y.AcademicYear == year.StartYear)
            .Select(y => new { y.Marks, y.School!.Urn, y.School.Name })
            .ToListAsync(ct);
        var schools = rows
            .Select(r => (r.Urn, r.Name, Sessions: new YearMarks(year, r.Marks).Count(year.Start, period.AsOf)))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var total = schools.Aggregate(default(SessionCounts), (sum, s) => sum + s.Sessions);
        calls.Read(id, $"attendance {year}");
        return TypedResults.Ok(new ApiAttendance(year.ToString(), year.Start, period.AsOf, period.IsWholeYear, ApiSessions.From(total),
            [.. schools.Select(s => new ApiSchoolAttendance(s.Urn, s.Name, ApiSessions.From(s.Sessions)))]));
    }

    internal static async Task<Results<Ok<ApiList<ApiSuspension>>, ProblemHttpResult>> SuspensionsAsync(
        Guid id, ApiChildren children, ApiCalls calls, WaymarkDbContext db, CancellationToken ct)
    {
        if (!await children.MaySeeAsync(id, "suspensions", ct))
        {
            return ApiProblems.NotFound(ChildNotFound);
        }

        var suspensions = await db.Suspensions.AsNoTracking().Include(s => s.School).Where(s => s.ChildId == id).ToListAsync(ct);
        calls.Read(id, "suspensions");
        return TypedResults.Ok(new ApiList<ApiSuspension>([.. suspensions.OrderByDescending(s => s.StartDate).ThenByDescending(s => s.Id)
            .Select(s => new ApiSuspension(s.Id, ApiCodes.Of(s.Kind), School(s.School!), s.StartDate, ApiCodes.Of(s.FirstSession), s.Sessions, s.Reasons,
                s.AlternativeProvisionFrom, s.AlternativeProvisionBy, s.AlternativeProvisionDueOn, s.ReintegrationMeetingOn))]));
    }

    internal static async Task<Results<Ok<ApiList<ApiReducedTimetable>>, ProblemHttpResult>> ReducedTimetablesAsync(
        Guid id, ApiChildren children, ApiCalls calls, WaymarkDbContext db, CancellationToken ct)
    {
        if (!await children.MaySeeAsync(id, "reduced timetables", ct))
        {
            return ApiProblems.NotFound(ChildNotFound);
        }

        var today = children.Today;
        var timetables = await db.ReducedTimetables.AsNoTracking().Include(t => t.School).Include(t => t.Reviews)
            .Where(t => t.ChildId == id).AsSplitQuery().ToListAsync(ct);
        var hasSocialWorker = await db.KeyPeople.Where(CurrentOn.KeyPerson(today)).AnyAsync(k => k.ChildId == id && k.Role == KeyPersonRole.SocialWorker, ct);
        calls.Read(id, "reduced timetables");
        return TypedResults.Ok(new ApiList<ApiReducedTimetable>([.. timetables.OrderByDescending(t => t.StartDate).ThenByDescending(t => t.Id).Select(t =>
        {
            var latest = t.LatestReview;
            var alerts = ReducedTimetableChecks.Check(t.ToState(hasSocialWorker), today).Select(f => ApiCodes.Of(f.Kind)).Distinct().ToList();
            return new ApiReducedTimetable(t.Id, School(t.School!), t.StartDate, t.PlannedEndDate, t.EndedOn, t.HoursPerWeek, t.CurrentHoursPerWeek,
                ApiCodes.Of(t.Reason), t.ParentAgreedOn, !string.IsNullOrWhiteSpace(t.PlanToFullTime), t.EarlyHelpConsidered, t.SocialWorkerInformedOn,
                latest?.ReviewedOn, latest?.NextReviewOn, alerts);
        })]));
    }

    internal static async Task<Results<Ok<ApiList<ApiTransition>>, ProblemHttpResult>> TransitionsAsync(
        Guid id, ApiChildren children, ApiCalls calls, WaymarkDbContext db, CancellationToken ct)
    {
        if (!await children.MaySeeAsync(id, "transitions", ct))
        {
            return ApiProblems.NotFound(ChildNotFound);
        }

        // Each transition as the web app decides it for the role and school: one the integration has no way into is left out.
        var today = children.Today;
        var scope = children.Scope;
        var seen = new List<Guid>();
        foreach (var transition in await db.Transitions.AsNoTracking().Where(t => t.ChildId == id).ToListAsync(ct))
        {
            var relationship = await TransitionScoping.RelationshipAsync(db, scope, transition, today, ct);
            if (TransitionAccess.For(scope.Role, relationship).Any)
            {
                seen.Add(transition.Id);
            }
        }

        var rows = await TransitionRows.LoadAsync(db.Transitions.Where(t => seen.Contains(t.Id)), today, ct);
        var schoolIds = rows.SelectMany(r => new[] { r.SendingSchoolId, r.DestinationSchoolId }).OfType<int>().Distinct().ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, School, ct);
        calls.Read(id, "transitions");
        return TypedResults.Ok(new ApiList<ApiTransition>([.. rows.OrderByDescending(r => r.CohortYear).Select(r => new ApiTransition(
            r.Id, new AcademicYear(r.CohortYear).ToString(), CohortYears.MoveDate(new AcademicYear(r.CohortYear)),
            r.SendingSchoolId is int s ? schools[s] : null, r.DestinationSchoolId is int d ? schools[d] : null,
            ApiCodes.Of(r.DestinationStatus), ApiCodes.Of(r.Decision), ApiCodes.Of(r.Stage), r.ProposedBecause))]));
    }

    internal static async Task<Results<Ok<ApiList<ApiEarlyHelpPlan>>, ProblemHttpResult>> EarlyHelpPlansAsync(
        Guid id, ApiChildren children, ApiCalls calls, WaymarkDbContext db, CancellationToken ct)
    {
        if (!await children.MaySeeAsync(id, "early help plans", ct))
        {
            return ApiProblems.NotFound(ChildNotFound);
        }

        var plans = await db.EarlyHelpPlans.AsNoTracking().VisibleTo(children.Scope).Where(p => p.Members.Any(m => m.ChildId == id))
            .Include(p => p.LeadProfessionals).Include(p => p.LeadSchool).AsSplitQuery().ToListAsync(ct);
        calls.Read(id, "early help plans (summary)");
        return TypedResults.Ok(new ApiList<ApiEarlyHelpPlan>([.. plans.OrderByDescending(p => p.CreatedAtUtc).Select(p =>
        {
            var lead = p.CurrentLeadProfessional;
            return new ApiEarlyHelpPlan(p.Id, ApiCodes.Of(p.Stage), (int?)p.Tier, DateOnly.FromDateTime(p.CreatedAtUtc), p.AgreedOn, p.ReviewDueOn, p.ClosedOn,
                ApiCodes.Of(p.ClosureReason), p.MashContactOn, ApiCodes.Of(p.MashOutcome),
                lead is null ? null : new ApiLeadProfessional(lead.Name, lead.Agency, lead.StartedOn),
                p.LeadSchool is null ? null : School(p.LeadSchool));
        })]));
    }

    private static IQueryable<Child> WithRecord(IQueryable<Child> children) =>
        children.Include(c => c.FormerUpns).Include(c => c.Enrolments).ThenInclude(e => e.School).Include(c => c.Statuses).AsSplitQuery();

    private static ApiSchool School(School school) => new(school.Urn, school.Name);

    private static ApiChild ToApi(Child c, DateOnly today) => new(
        c.Id, c.Upn, [.. c.FormerUpns.OrderBy(f => f.RecordedAtUtc).Select(f => f.Upn)],
        c.LegalForename, c.MiddleNames, c.LegalSurname, c.PreferredForename, c.PreferredSurname, c.DateOfBirth, ApiCodes.Of(c.Sex),
        c.NcYearIn(AcademicYear.Containing(today))?.Value, c.EthnicityCode, c.FirstLanguage, c.Postcode,
        [.. c.Enrolments.Where(e => e.IsCurrentOn(today)).OrderBy(e => e.StartDate)
            .Select(e => new ApiEnrolment(e.School!.Urn, e.School.Name, e.StartDate, ApiCodes.Of(e.Type)))],
        [.. c.Statuses.Where(s => s.IsCurrentOn(today)).Select(s => ApiCodes.Of(s.Type)).Distinct().Order(StringComparer.Ordinal)],
        ApiChildLinks.For(c.Id));
}
