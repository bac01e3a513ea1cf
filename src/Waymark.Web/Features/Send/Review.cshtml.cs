using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Send;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Children;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Send;

/// <summary>
/// Records an annual review (new, or the later steps of one already recorded): the meeting and its notice, the report,
/// the LA's decision and, for an amendment, the proposed amendments and the amended plan.
/// </summary>
public sealed class ReviewModel(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : SendPageModel(db, gate, currentUser, auditor, clock)
{
    public EhcAnnualReview? Existing { get; private set; }

    [BindProperty]
    public DateInput MeetingOn { get; set; } = new();

    [BindProperty]
    public DateInput NoticeSentOn { get; set; } = new();

    [BindProperty]
    public DateInput ReportSentOn { get; set; } = new();

    [BindProperty]
    public DateInput DecidedOn { get; set; } = new();

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public DateInput ProposedAmendmentsSentOn { get; set; } = new();

    [BindProperty]
    public DateInput AmendedPlanOn { get; set; } = new();

    public IReadOnlyList<ChoiceOption> OutcomeOptions => Enum.GetValues<ReviewOutcome>()
        .Select(o => new ChoiceOption(o.ToString(), AnnualReviews.DisplayName(o), Outcome == o.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, string rid)
    {
        if (await LoadAsync(id, rid) is IActionResult refused)
        {
            return refused;
        }

        if (Existing is { } r)
        {
            MeetingOn = DateInput.From(r.MeetingOn);
            NoticeSentOn = DateInput.From(r.NoticeSentOn);
            ReportSentOn = DateInput.From(r.ReportSentOn);
            DecidedOn = DateInput.From(r.DecidedOn);
            Outcome = r.Outcome?.ToString();
            ProposedAmendmentsSentOn = DateInput.From(r.ProposedAmendmentsSentOn);
            AmendedPlanOn = DateInput.From(r.AmendedPlanOn);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string rid)
    {
        if (await LoadAsync(id, rid) is IActionResult refused)
        {
            return refused;
        }

        var meeting = MeetingOn.Parse(ModelState, nameof(MeetingOn), "the date of the review meeting");
        var notice = NoticeSentOn.Parse(ModelState, nameof(NoticeSentOn), "the date the invitations were sent", required: false);
        var report = ReportSentOn.Parse(ModelState, nameof(ReportSentOn), "the date the report was sent", required: false);
        var decided = DecidedOn.Parse(ModelState, nameof(DecidedOn), "the date of the decision", required: false);
        var proposed = ProposedAmendmentsSentOn.Parse(ModelState, nameof(ProposedAmendmentsSentOn), "the date the proposed amendments were sent", required: false);
        var amended = AmendedPlanOn.Parse(ModelState, nameof(AmendedPlanOn), "the date the amended plan was issued", required: false);
        ReviewOutcome? outcome = Enum.GetValues<ReviewOutcome>().Where(o => o.ToString() == Outcome).Select(o => (ReviewOutcome?)o).FirstOrDefault();

        var plan = Case.CurrentPlan;
        if (meeting is DateOnly m)
        {
            var last = Case.Reviews.Where(r => r.Id != Existing?.Id && r.MeetingOn < (Existing?.MeetingOn ?? DateOnly.MaxValue)).Select(r => (DateOnly?)r.MeetingOn).FirstOrDefault();
            if (AnnualReviews.MeetingProblem(m, plan?.StartDate ?? DateOnly.MinValue, last, TodayDate) is string problem)
            {
                ModelState.AddModelError(nameof(MeetingOn), problem);
            }
            else if (Case.Reviews.Any(r => r.Id != Existing?.Id && r.MeetingOn == m))
            {
                ModelState.AddModelError(nameof(MeetingOn), $"A review meeting on {m:d MMMM yyyy} is already recorded");
            }

            if (notice is DateOnly n && n > m)
            {
                ModelState.AddModelError(nameof(NoticeSentOn), "The date the invitations were sent must be on or before the meeting");
            }

            Check(nameof(ReportSentOn), "the report was sent", report, m, "the meeting");
            Check(nameof(DecidedOn), "of the decision", decided, m, "the meeting");
            Check(nameof(ProposedAmendmentsSentOn), "the proposed amendments were sent", proposed, m, "the meeting");
            if (proposed is DateOnly p)
            {
                Check(nameof(AmendedPlanOn), "the amended plan was issued", amended, p.AddDays(AnnualReviews.AmendmentCommentDays), "15 days after the proposed amendments were sent");
            }
        }

        if (decided is not null && outcome is null)
        {
            ModelState.AddModelError(nameof(Outcome), "Select the LA's decision after the review");
        }
        else if (outcome is not null && decided is null && !ModelState.ContainsKey(nameof(DecidedOn)))
        {
            ModelState.AddModelError(nameof(DecidedOn), "Enter the date of the decision");
        }

        if (outcome != ReviewOutcome.Amend && (proposed is not null || amended is not null))
        {
            ModelState.AddModelError(nameof(ProposedAmendmentsSentOn), "Amendment dates are only for a decision to amend the plan");
        }
        else if (amended is not null && proposed is null)
        {
            ModelState.AddModelError(nameof(ProposedAmendmentsSentOn), "Enter the date the proposed amendments were sent before the amended plan");
        }

        if (plan is null && Existing is null)
        {
            ModelState.AddModelError(string.Empty, "The child has no EHC plan in force to review");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var review = Existing is null ? null : await Db.EhcAnnualReviews.SingleAsync(r => r.Id == Existing.Id);
        if (review is null)
        {
            review = new EhcAnnualReview { ChildId = id, CreatedByUserId = CurrentUser.Id, CreatedAtUtc = UtcNow };
            Db.EhcAnnualReviews.Add(review);
        }

        review.MeetingOn = meeting!.Value;
        review.NoticeSentOn = notice;
        review.ReportSentOn = report;
        review.DecidedOn = decided;
        review.Outcome = outcome;
        review.ProposedAmendmentsSentOn = proposed;
        review.AmendedPlanOn = amended;
        Auditor.Record(AuditActions.SendChanged, id, $"Annual review {(Existing is null ? "recorded" : "updated")}: meeting {meeting:yyyy-MM-dd}{(outcome is null ? "" : $", {outcome}")}");
        await Db.SaveChangesAsync();
        Flash("Annual review saved");
        return Redirect(ChildPath);
    }

    private void Check(string field, string what, DateOnly? on, DateOnly after, string afterWhat)
    {
        if (AnnualReviews.FollowUpProblem(what, on, after, afterWhat, TodayDate) is string problem)
        {
            ModelState.AddModelError(field, problem);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, string rid)
    {
        (var refused, Existing) = await OpenRecordAsync(id, "annual review", rid, c => c.Reviews, r => r.Id);
        return refused;
    }
}
