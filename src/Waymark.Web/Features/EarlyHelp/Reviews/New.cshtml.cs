using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Configuration;
using Waymark.Data.Entities;
using Waymark.Domain.EarlyHelp;
using Waymark.Web.Auth;
using Waymark.Web.Features.EarlyHelp.Close;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.EarlyHelp.Reviews;

/// <summary>
/// A Team Around the Family review of an active plan (002:L6560-L6720): who came, everyone's scores again, how things
/// are going, what became of each action, and what happens next. Saved whole or not at all.
/// </summary>
public sealed class NewModel(WaymarkDbContext db, EarlyHelpGate gate, CurrentUser currentUser, TimeProvider clock) : PlanPageModel(gate)
{
    /// <summary>Blank invitee rows after the family and Lead Professional: without JavaScript a form cannot grow.</summary>
    public const int SpareInviteeRows = 5;

    public const int MaxInviteeRows = 40;

    public const string NotApplicable = "na";

    private const string PageName = "record a review";

    [BindProperty]
    public DateInput HeldOn { get; set; } = new();

    [BindProperty]
    public string? ContactChanged { get; set; }

    [BindProperty]
    public string? ContactChanges { get; set; }

    [BindProperty]
    public List<InviteeRow> Invitees { get; set; } = [];

    /// <summary>Score per "{memberId}-{aspect key}": "0" to "10", or <see cref="NotApplicable"/>.</summary>
    [BindProperty]
    public Dictionary<string, string?> Scores { get; set; } = [];

    /// <summary>Why Pregnancy &amp; Early Years is not applicable, per member id.</summary>
    [BindProperty]
    public Dictionary<string, string?> NotApplicableReasons { get; set; } = [];

    /// <summary>"yes"/"no" per member id: does the practitioner agree with the member's scores.</summary>
    [BindProperty]
    public Dictionary<string, string?> Agrees { get; set; } = [];

    [BindProperty]
    public Dictionary<string, string?> AgreeReasons { get; set; } = [];

    [BindProperty]
    public string? FamilyProgress { get; set; }

    [BindProperty]
    public string? ChildProgress { get; set; }

    [BindProperty]
    public string? TafProgress { get; set; }

    /// <summary>"done", "not-done" or "open" per action id.</summary>
    [BindProperty]
    public Dictionary<string, string?> ActionStates { get; set; } = [];

    [BindProperty]
    public Dictionary<string, string?> NotDoneReasons { get; set; } = [];

    [BindProperty]
    public string? NewNeeds { get; set; }

    [BindProperty]
    public string? NextStep { get; set; }

    [BindProperty]
    public string? Closure { get; set; }

    [BindProperty]
    public string? TransferredTo { get; set; }

    [BindProperty]
    public string? MashContactBy { get; set; }

    /// <summary>Why this plan cannot be reviewed now; shown instead of the form.</summary>
    public string? CannotReview { get; private set; }

    public DateOnly? LastReviewOn { get; private set; }

    public IReadOnlyList<FamilyMember> Assessed => View.Plan.Members.Where(m => m.IsAssessed).OrderBy(m => m.Role).ThenBy(m => m.Id).ToList();

    public IReadOnlyList<EarlyHelpAction> OpenActions => View.Plan.Actions.Where(a => a.State == ActionState.Open).OrderBy(a => a.ByWhen).ThenBy(a => a.Id).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, PageName, changes: true) is IActionResult refused)
        {
            return refused;
        }

        await LoadAsync();
        HeldOn = DateInput.From(View.Today);
        Invitees = View.Plan.Members.Where(m => !m.Unborn).OrderBy(m => m.Role).ThenBy(m => m.Id)
            .Select(m => new InviteeRow { Name = m.Name, Role = m.Relationship })
            .ToList();
        if (View.Plan.CurrentLeadProfessional is LeadProfessionalSpell lead)
        {
            Invitees.Add(new InviteeRow
            {
                Name = lead.Name, Role = $"Lead Professional, {lead.Agency}", Contact = string.Join(", ", new[] { lead.Phone, lead.Email }.OfType<string>()),
                Attended = "yes",
            });
        }

        PadRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenAsync(id, PageName, changes: true, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        await LoadAsync();
        PadRows();
        if (CannotReview is not null)
        {
            return Page();
        }

        var review = Validate();
        if (review is null)
        {
            return Page();
        }

        var plan = View.Plan;
        var now = clock.GetUtcNow().UtcDateTime;
        db.TafReviews.Add(review);

        // The review's id is not known until it is inserted: its temporary key ties the scores and settled actions to it,
        // and the real one replaces it in the same SaveChanges.
        var reviewKey = db.Entry(review).Property(r => r.Id).CurrentValue;
        foreach (var assessment in _assessments)
        {
            db.SelfAssessments.Add(assessment);
            db.Entry(assessment).Property(a => a.ReviewId).CurrentValue = reviewKey;
        }

        foreach (var (action, state, reason) in _settled)
        {
            action.State = state;
            action.NotDoneReason = reason;
            if (state != ActionState.Open)
            {
                db.Entry(action).Property(a => a.SettledAtReviewId).CurrentValue = reviewKey;
            }
        }

        var held = review.HeldOn;
        var detail = $"review of {EarlyHelpText.Date(held)} recorded ({_assessments.Count} self-assessments, {_settled.Count(s => s.State != ActionState.Open)} actions settled): {PlanText.NextStep(review.NextStep)}";
        switch (review.NextStep)
        {
            case ReviewNextStep.Continue:
                plan.ReviewDueOn = ReviewSchedule.DueOn(plan.AgreedOn!.Value, held);
                break;
            case ReviewNextStep.Close:
                plan.Stage = PlanStage.Closed;
                plan.ClosedOn = held;
                plan.ClosureReason = review.ClosureReason;
                plan.TransferredTo = review.TransferredTo;
                plan.ReviewDueOn = null;
                var told = ClosureNotices.Add(db, plan, currentUser.Id, held, review.ClosureReason!.Value, now);
                detail += $", {PlanText.Closure(review.ClosureReason.Value)}{(review.TransferredTo is null ? "" : ", transferred to " + review.TransferredTo)}; {told} professionals told";
                break;
            case ReviewNextStep.RequestMash:
                plan.Stage = PlanStage.WithMash;
                plan.MashContactOn = held;
                plan.ReviewDueOn = null;
                detail += $", assessment and contact form by {review.MashContactBy}";
                break;
        }

        Gate.RecordChange(plan, detail);
        await db.SaveChangesAsync();

        if (review is { NextStep: ReviewNextStep.Close, ClosureReason: Domain.EarlyHelp.ClosureReason.NeedsMetByUniversalServices })
        {
            Flash($"Review of {EarlyHelpText.Date(held)} recorded and the plan closed. Now write the family's maintenance plan.");
            return Redirect($"/early-help/{id}/close");
        }

        Flash(review.NextStep switch
        {
            ReviewNextStep.Continue => $"Review of {EarlyHelpText.Date(held)} recorded. The next review is due by {EarlyHelpText.Date(plan.ReviewDueOn!.Value)}",
            ReviewNextStep.Close => $"Review of {EarlyHelpText.Date(held)} recorded and the plan closed",
            _ => $"Review of {EarlyHelpText.Date(held)} recorded: the plan is with MASH",
        });
        return Redirect($"/early-help/{id}/reviews/{review.Id}");
    }

    private readonly List<SelfAssessment> _assessments = [];

    private readonly List<(EarlyHelpAction Action, ActionState State, string? Reason)> _settled = [];

    private async Task LoadAsync()
    {
        var planId = View.Plan.Id;
        LastReviewOn = await db.TafReviews.Where(r => r.PlanId == planId).MaxAsync(r => (DateOnly?)r.HeldOn);
        CannotReview = View.Plan.Stage switch
        {
            PlanStage.Active when View.Plan.AgreedOn is null => "This plan has no agreed date, so it cannot be reviewed. Record when the plan was agreed first.",
            PlanStage.Active => null,
            PlanStage.Assessment => "This plan has not been agreed yet. A review looks back at an agreed plan: agree the plan with the family first.",
            PlanStage.WithMash => "This plan is waiting for MASH's answer, so it cannot be reviewed until MASH says the plan continues.",
            _ => $"This plan is {PlanText.Stage(View.Plan.Stage).ToLowerInvariant()}, so it cannot be reviewed.",
        };
    }

    private TafReview? Validate()
    {
        var plan = View.Plan;
        var held = HeldOn.Parse(ModelState, nameof(HeldOn), "the date of the review");
        if (held is DateOnly h && ReviewSchedule.DateProblem(h, plan.AgreedOn!.Value, LastReviewOn, View.Today) is string dateProblem)
        {
            ModelState.AddModelError(nameof(HeldOn), dateProblem);
        }

        string? contactChanges = null;
        if (ContactChanged is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(ContactChanged), "Select whether any of the family's contact details have changed");
        }
        else if (ContactChanged == "yes")
        {
            contactChanges = Text(nameof(ContactChanges), ContactChanges, "the contact details that changed", EarlyHelpLimits.Text, required: true);
        }

        var invitees = ValidateInvitees();
        ValidateScores(held ?? View.Today);

        var family = Text(nameof(FamilyProgress), FamilyProgress, "what is happening in the family now and what has changed", EarlyHelpLimits.Text, required: true);
        var child = Text(nameof(ChildProgress), ChildProgress, "the child's views", EarlyHelpLimits.Text, required: false);
        var taf = Text(nameof(TafProgress), TafProgress, "the Team Around the Family's view of progress", EarlyHelpLimits.Text, required: true);
        ValidateActions();
        var newNeeds = Text(nameof(NewNeeds), NewNeeds, "new needs", EarlyHelpLimits.Text, required: false);

        ReviewNextStep? step = NextStep switch
        {
            "continue" => ReviewNextStep.Continue,
            "close" => ReviewNextStep.Close,
            "request-mash" => ReviewNextStep.RequestMash,
            _ => null,
        };
        ClosureReason? reason = null;
        string? transferredTo = null, mashBy = null;
        switch (step)
        {
            case null:
                ModelState.AddModelError(nameof(NextStep), "Select the next step: continue with a new action plan, close the plan, or request support from MASH");
                break;
            case ReviewNextStep.Close:
                reason = Closure switch
                {
                    "consent-withdrawn" => Domain.EarlyHelp.ClosureReason.ConsentWithdrawn,
                    "moved-out-of-area" => Domain.EarlyHelp.ClosureReason.MovedOutOfArea,
                    "needs-met" => Domain.EarlyHelp.ClosureReason.NeedsMetByUniversalServices,
                    _ => null,
                };
                if (reason is null)
                {
                    ModelState.AddModelError(nameof(Closure), "Select why the plan is closing");
                }
                else if (reason == Domain.EarlyHelp.ClosureReason.MovedOutOfArea)
                {
                    transferredTo = Text(nameof(TransferredTo), TransferredTo, "the school or setting the plan is transferred to", EarlyHelpLimits.Short, required: true);
                }

                break;
            case ReviewNextStep.RequestMash:
                mashBy = Text(nameof(MashContactBy), MashContactBy, "who will update the assessment and complete the inter-agency contact form", EarlyHelpLimits.Name, required: true);
                break;
        }

        if (!ModelState.IsValid || held is null || step is null)
        {
            return null;
        }

        return new TafReview
        {
            PlanId = plan.Id, HeldOn = held.Value, ContactDetailsChanged = contactChanges, FamilyProgress = family!, ChildProgress = child, TafProgress = taf!,
            NewNeeds = newNeeds, NextStep = step.Value, ClosureReason = reason, TransferredTo = transferredTo, MashContactBy = mashBy,
            RecordedByUserId = currentUser.Id, RecordedAtUtc = clock.GetUtcNow().UtcDateTime, Invitees = invitees,
        };
    }

    private List<ReviewInvitee> ValidateInvitees()
    {
        var invitees = new List<ReviewInvitee>();
        for (var i = 0; i < Invitees.Count; i++)
        {
            var row = Invitees[i];
            var name = Clean(row.Name);
            var role = Clean(row.Role);
            var contact = Clean(row.Contact);
            if (name is null && role is null && contact is null)
            {
                continue; // a row not needed
            }

            var who = name ?? $"invitee {i + 1}";
            if (name is null)
            {
                ModelState.AddModelError(InviteeKey(i, "name"), $"Enter the name of invitee {i + 1}");
            }
            else if (name.Length > EarlyHelpLimits.Name)
            {
                ModelState.AddModelError(InviteeKey(i, "name"), $"The name of invitee {i + 1} must be {EarlyHelpLimits.Name} characters or fewer");
            }

            if (role is null)
            {
                ModelState.AddModelError(InviteeKey(i, "role"), $"Enter the role of {who}, for example Mum or school nurse");
            }
            else if (role.Length > EarlyHelpLimits.Name)
            {
                ModelState.AddModelError(InviteeKey(i, "role"), $"The role of {who} must be {EarlyHelpLimits.Name} characters or fewer");
            }

            if (contact is { Length: > EarlyHelpLimits.Short })
            {
                ModelState.AddModelError(InviteeKey(i, "contact"), $"The contact details of {who} must be {EarlyHelpLimits.Short} characters or fewer");
            }

            var attended = row.Attended switch { "yes" => true, "no" => (bool?)false, _ => null };
            bool? sentUpdate = null;
            if (attended is null)
            {
                ModelState.AddModelError(InviteeKey(i, "attended"), $"Select whether {who} attended the review");
            }
            else if (attended == false)
            {
                sentUpdate = row.SentUpdate switch { "yes" => true, "no" => (bool?)false, _ => null };
                if (sentUpdate is null)
                {
                    ModelState.AddModelError(InviteeKey(i, "update"), $"Select whether {who} sent an update or a representative");
                }
            }

            if (name is not null && role is not null)
            {
                invitees.Add(new ReviewInvitee { Name = name, Role = role, Contact = contact, Attended = attended == true, SentUpdate = sentUpdate == true });
            }
        }

        if (invitees.Count == 0 && ModelState.IsValid)
        {
            ModelState.AddModelError(InviteeKey(0, "name"), "Enter at least one person invited to the review");
        }

        return invitees;
    }

    private void ValidateScores(DateOnly held)
    {
        foreach (var member in Assessed)
        {
            var assessment = new SelfAssessment { PlanId = View.Plan.Id, MemberId = member.Id, AssessedOn = held, RecordedByUserId = currentUser.Id };
            foreach (var aspect in AspectsOfLife.All)
            {
                var raw = Clean(Scores.GetValueOrDefault(ScoreName(member, aspect)));
                var notApplicable = raw == NotApplicable;
                int? score = raw is null || notApplicable ? null
                    : int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : -1;
                var reason = notApplicable ? Clean(NotApplicableReasons.GetValueOrDefault(member.Id.ToString(CultureInfo.InvariantCulture))) : null;
                if (AspectScores.Problem(aspect, score, notApplicable, reason) is string problem)
                {
                    var key = notApplicable && reason is null ? NotApplicableKey(member) : ScoreKey(member, aspect);
                    ModelState.AddModelError(key, $"{member.Name}: {problem}");
                }
                else if (reason is { Length: > EarlyHelpLimits.Short })
                {
                    ModelState.AddModelError(NotApplicableKey(member), $"{member.Name}: why Pregnancy & Early Years is not applicable must be {EarlyHelpLimits.Short} characters or fewer");
                }

                assessment.Scores.Add(new AspectScore { Aspect = aspect, Score = score, NotApplicableReason = reason });
            }

            var memberKey = member.Id.ToString(CultureInfo.InvariantCulture);
            switch (Agrees.GetValueOrDefault(memberKey))
            {
                case "yes":
                    assessment.PractitionerAgrees = true;
                    break;
                case "no":
                    assessment.PractitionerReasons = Text(AgreeReasonsKey(member), AgreeReasons.GetValueOrDefault(memberKey),
                        $"why you do not agree with {member.Name}'s scores", EarlyHelpLimits.Text, required: true);
                    break;
                default:
                    ModelState.AddModelError(AgreesKey(member), $"Select whether you agree with {member.Name}'s scores");
                    break;
            }

            _assessments.Add(assessment);
        }
    }

    private void ValidateActions()
    {
        foreach (var action in OpenActions)
        {
            var key = action.Id.ToString(CultureInfo.InvariantCulture);
            switch (ActionStates.GetValueOrDefault(key))
            {
                case "done":
                    _settled.Add((action, ActionState.Done, null));
                    break;
                case "not-done":
                    var reason = Text(NotDoneKey(action), NotDoneReasons.GetValueOrDefault(key), $"why the action \"{Short(action.What)}\" was not done", EarlyHelpLimits.Text, required: true);
                    _settled.Add((action, ActionState.NotDone, reason));
                    break;
                case "open":
                    _settled.Add((action, ActionState.Open, null));
                    break;
                default:
                    ModelState.AddModelError(ActionKey(action), $"Select whether the action \"{Short(action.What)}\" is done, not done or still open");
                    break;
            }
        }
    }

    /// <summary>The cleaned text, or null with an error naming the field (<paramref name="what"/>) when required or too long.</summary>
    private string? Text(string key, string? value, string what, int max, bool required)
    {
        var text = Clean(value);
        if (text is null)
        {
            if (required)
            {
                ModelState.AddModelError(key, $"Enter {what}");
            }

            return null;
        }

        if (text.Length > max)
        {
            ModelState.AddModelError(key, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {max} characters or fewer");
        }

        return text;
    }

    private void PadRows()
    {
        if (Invitees.Count > MaxInviteeRows)
        {
            Invitees = Invitees.Take(MaxInviteeRows).ToList();
        }

        var blanks = Invitees.Count(r => Clean(r.Name) is null && Clean(r.Role) is null);
        for (var i = blanks; i < SpareInviteeRows && Invitees.Count < MaxInviteeRows; i++)
        {
            Invitees.Add(new InviteeRow());
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";

    public static string InviteeKey(int row, string field) => $"invitee-{row + 1}-{field}";

    public static string ScoreName(FamilyMember member, AspectOfLife aspect) => $"{member.Id}-{AspectsOfLife.Key(aspect)}";

    public static string ScoreKey(FamilyMember member, AspectOfLife aspect) => $"score-{member.Id}-{AspectsOfLife.Key(aspect)}";

    public static string NotApplicableKey(FamilyMember member) => $"na-reason-{member.Id}";

    public static string AgreesKey(FamilyMember member) => $"agrees-{member.Id}";

    public static string AgreeReasonsKey(FamilyMember member) => $"agree-reasons-{member.Id}";

    public static string ActionKey(EarlyHelpAction action) => $"action-{action.Id}";

    public static string NotDoneKey(EarlyHelpAction action) => $"action-{action.Id}-reason";

    public string? ScoreValue(FamilyMember member, AspectOfLife aspect) => Scores.GetValueOrDefault(ScoreName(member, aspect));

    public string? For(Dictionary<string, string?> values, int id) => values.GetValueOrDefault(id.ToString(CultureInfo.InvariantCulture));

    public sealed class InviteeRow
    {
        public string? Name { get; set; }

        public string? Role { get; set; }

        public string? Contact { get; set; }

        /// <summary>"yes" or "no".</summary>
        public string? Attended { get; set; }

        /// <summary>"yes" or "no", for someone who did not attend.</summary>
        public string? SentUpdate { get; set; }
    }
}
