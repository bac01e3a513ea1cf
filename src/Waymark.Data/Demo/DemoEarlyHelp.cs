using Bogus;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.EarlyHelp;

namespace Waymark.Data.Demo;

/// <summary>
/// Family Early Help Plans for Eastmoor at every stage: being assessed, active (on time and overdue, with none, one and
/// two reviews), with MASH, stepped up, and closed each way (needs met with a maintenance plan, moved away, consent
/// withdrawn). Families are children with a current early help status; the demo Lead Professional and the primary
/// school's SENCo lead the first of them, so both sign-ins have plans to open.
/// </summary>
internal static class DemoEarlyHelp
{
    private enum Case { Assessment, OnTrack, Overdue, OneReview, TwoReviews, WithMash, SteppedUp, NeedsMet, MovedAway, ConsentWithdrawn }

    private static readonly Case[] Cycle = Enum.GetValues<Case>();

    private static readonly string[] ParentForenames = ["Leanne", "Kirsty", "Darren", "Michelle", "Shauna", "Craig", "Amina", "Natalie", "Stacey", "Wayne"];

    private static readonly string[] Relationships = ["Mum", "Mum", "Dad", "Mum", "Nan (special guardian)", "Dad"];

    private static readonly (string Name, string Agency)[] OtherLeads =
    [
        ("Priya Nair", "Eastmoor Community Health (health visitor)"),
        ("Gareth Lowe", "Eastmoor Youth Service"),
        ("Beth Carver", "Eastmoor Early Help Service"),
    ];

    public static async Task SeedAsync(WaymarkDbContext db, DemoSchools schools, DemoPerson leadProfessional, DemoPerson senco,
        DateOnly today, int seed, IProgress<string>? progress, CancellationToken ct)
    {
        var random = DemoRandom.Stream(seed, 51);
        var pupils = await db.Children.CountAsync(ct);
        var wanted = Math.Clamp(pupils / 150, Cycle.Length, 150);
        var primaryId = schools.FirstPrimary.Entity.Id;
        var status = CurrentOn.Status(today);
        var enrolment = CurrentOn.Enrolment(today);
        var candidates = await db.Children.AsNoTracking()
            .Where(c => c.Statuses.AsQueryable().Where(status).Any(s => s.Type == ChildStatusType.EarlyHelp))
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.LegalSurname, c.LegalForename, c.PreferredForename, c.DateOfBirth, c.Sex,
                AtPrimary = c.Enrolments.AsQueryable().Where(enrolment).Any(e => e.SchoolId == primaryId) })
            .Take(wanted * 3).ToListAsync(ct);

        // The SENCo's families are pupils of their school, so the school can open the children too.
        var atPrimary = candidates.Where(c => c.AtPrimary).ToList();
        var elsewhere = candidates.Where(c => !c.AtPrimary).ToList();
        var plans = new List<(EarlyHelpPlan Plan, Case Kind)>();
        for (var i = 0; i < wanted && (atPrimary.Count > 0 || elsewhere.Count > 0); i++)
        {
            var bySenco = i % 3 == 1 && atPrimary.Count > 0;
            var pool = bySenco || elsewhere.Count == 0 ? atPrimary : elsewhere;
            var child = pool[0];
            pool.RemoveAt(0);
            var lead = i % 3 == 0 ? new LeadProfessionalSpell { UserId = leadProfessional.Id, Name = leadProfessional.Name, Agency = "Eastmoor Early Help Service", Phone = "01632 961100", Reason = "Completed the plan" }
                : bySenco ? new LeadProfessionalSpell { UserId = senco.Id, Name = senco.Name, Agency = schools.FirstPrimary.Entity.Name, SchoolId = primaryId, Reason = "Completed the plan" }
                : OtherLead(random);
            var kind = Cycle[i % Cycle.Length];
            plans.Add((Build(random, kind, child.Id, child.PreferredForename ?? child.LegalForename, child.LegalSurname, child.DateOfBirth,
                child.Sex, lead, senco.Id, today), kind));
        }

        // Members first, so consents and assessments can name them by id.
        db.EarlyHelpPlans.AddRange(plans.Select(p => p.Plan));
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        var baselines = plans.Select(p => Complete(random, p.Plan, p.Kind, senco.Id)).ToList();
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);

        // Each review re-scored every aspect for the parent and the child, a little better each time.
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i].Plan;
            foreach (var (review, n) in plan.Reviews.Select((r, n) => (r, n + 1)))
            {
                foreach (var member in plan.Members.Where(m => m.IsAssessed).Take(2))
                {
                    plan.SelfAssessments.Add(Sitting(random, plan.Id, review.Id, member.Id, review.HeldOn, baselines[i], n + random.Number(0, 1), review.RecordedByUserId, null));
                }
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        progress?.Report($"Family Early Help Plans: {plans.Count}");
    }

    private static LeadProfessionalSpell OtherLead(Randomizer random)
    {
        var (name, agency) = random.Pick(OtherLeads);
        return new LeadProfessionalSpell { Name = name, Agency = agency, Phone = "01632 962" + random.Number(100, 999), Reason = "Completed the plan" };
    }

    /// <summary>The plan, its family and its lead; what needs the members' ids comes in <see cref="Complete"/>.</summary>
    private static EarlyHelpPlan Build(Randomizer random, Case kind, Guid childId, string forename, string surname, DateOnly dateOfBirth, Sex sex,
        LeadProfessionalSpell lead, string recorder, DateOnly today)
    {
        var started = today.AddDays(-Started(kind) - random.Number(0, 5));
        var stamp = started.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var parentName = $"{random.Pick(ParentForenames)} {surname}";
        var plan = new EarlyHelpPlan
        {
            Id = random.NextGuid(), Stage = PlanStage.Assessment, FamilyName = $"The {surname} family", CreatedByUserId = lead.UserId ?? recorder,
            CreatedAtUtc = stamp, UpdatedAtUtc = stamp, LeadSchoolId = lead.SchoolId, Address = $"{random.Number(1, 120)} Larch Road, Eastmoor",
            Phone = "07700 900" + random.Number(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            UsefulInformation = random.Chance(0.3) ? "Mum prefers text messages before a visit." : null,
        };
        plan.Members.Add(new FamilyMember { Name = parentName, Role = FamilyRole.ParentOrCarer, Relationship = random.Pick(Relationships), DateOfBirth = dateOfBirth.AddYears(-random.Number(22, 34)), Gender = "Female", LivesAtHome = true });
        plan.Members.Add(new FamilyMember
        {
            Name = $"{forename} {surname}", Role = FamilyRole.Child, Relationship = sex == Sex.Male ? "Son" : "Daughter", DateOfBirth = dateOfBirth,
            Gender = sex == Sex.Male ? "Male" : "Female", LivesAtHome = true, ChildId = childId,
        });
        if (kind == Case.OneReview)
        {
            plan.Members.Add(new FamilyMember { Name = $"Unborn baby of {parentName}", Role = FamilyRole.Child, Relationship = "Unborn sibling", DateOfBirth = today.AddDays(90), Unborn = true, LivesAtHome = true });
        }

        lead.StartedOn = started;
        plan.LeadProfessionals.Add(lead);
        plan.OtherServices.Add(new OtherService { Service = "School nursing", Contact = "Eastmoor School Nursing, 01632 963000", WhoAndHow = $"{forename}: health check and sleep advice" });
        return plan;
    }

    private static int Started(Case kind) => kind switch
    {
        Case.Assessment => 6,
        Case.OnTrack => 24,
        Case.Overdue => 64,
        Case.OneReview => 54,
        Case.TwoReviews => 104,
        Case.WithMash => 20,
        Case.SteppedUp => 60,
        _ => 150,
    };

    /// <summary>Consents, the plan's assessment, actions, reviews and closure for the case; returns the parent's first scores.</summary>
    private static Dictionary<AspectOfLife, int> Complete(Randomizer random, EarlyHelpPlan plan, Case kind, string recorder)
    {
        var parent = plan.Members[0];
        var child = plan.Members[1];
        var started = plan.LeadProfessionals[0].StartedOn;
        var recordedBy = plan.LeadProfessionals[0].UserId ?? recorder;
        var stamp = started.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var consent = new EarlyHelpConsent
        {
            PlanId = plan.Id, Kind = EarlyHelpConsentKind.ShareWithSupporters, Agreed = true, GivenByMemberId = parent.Id, GivenOn = started,
            CoversMemberIds = string.Join(',', plan.Members.Select(m => m.Id)), RecordedByUserId = recordedBy, RecordedAtUtc = stamp,
        };
        plan.Consents.Add(consent);
        plan.Consents.Add(new EarlyHelpConsent
        {
            PlanId = plan.Id, Kind = EarlyHelpConsentKind.SupportingFamilies, Agreed = random.Chance(0.7), GivenByMemberId = parent.Id, GivenOn = started,
            CoversMemberIds = consent.CoversMemberIds, RecordedByUserId = recordedBy, RecordedAtUtc = stamp,
        });

        var assessed = started.AddDays(2);
        var baseline = AspectsOfLife.All.ToDictionary(a => a, _ => random.Number(2, 8));
        plan.SelfAssessments.Add(Sitting(random, plan.Id, null, parent.Id, assessed, baseline, 0, recordedBy, null));
        if (kind == Case.Assessment)
        {
            return baseline;
        }

        plan.SelfAssessments.Add(Sitting(random, plan.Id, null, child.Id, assessed, baseline, random.Number(-2, 2), recordedBy,
            "I like it when Mum walks me to school. I don't like the mornings when there is shouting."));
        plan.Tier = kind is Case.WithMash or Case.SteppedUp ? TierOfNeed.Tier3 : TierOfNeed.Tier2;
        foreach (var aspect in baseline.OrderBy(b => b.Value).Take(2).Select(b => b.Key))
        {
            plan.Actions.Add(new EarlyHelpAction
            {
                PlanId = plan.Id, Aspect = aspect, What = ActionFor(aspect, child.Name), Who = aspect == AspectOfLife.Education ? "School attendance lead with Mum" : plan.LeadProfessionals[0].Name,
                ResponsibleUserId = plan.LeadProfessionals[0].UserId, ResponsibleSchoolId = plan.LeadProfessionals[0].SchoolId,
                ByWhen = assessed.AddDays(28), HopedDifference = "Things feel calmer and more settled", Readiness = random.Number(2, 4), State = ActionState.Open,
            });
        }

        if (kind == Case.WithMash || kind == Case.SteppedUp)
        {
            plan.Stage = PlanStage.WithMash;
            plan.MashContactOn = assessed.AddDays(1);
            if (kind == Case.SteppedUp)
            {
                (plan.MashOutcome, plan.MashOutcomeOn, plan.MashOutcomeNote) = (MashOutcome.SteppedUp, assessed.AddDays(8), "Allocated to the Early Help and Prevention Service.");
                (plan.Stage, plan.ClosedOn, plan.ClosureReason) = (PlanStage.SteppedUp, assessed.AddDays(8), ClosureReason.SteppedUp);
            }

            return baseline;
        }

        plan.AgreedOn = assessed.AddDays(2);
        plan.Stage = PlanStage.Active;
        plan.Copies.Add(new PlanCopy { PlanId = plan.Id, RecipientName = parent.Name, RecipientRole = "Family member", What = "The plan", SentOn = plan.AgreedOn.Value, RecordedByUserId = recordedBy });
        var reviews = kind switch { Case.OneReview => 1, Case.TwoReviews or Case.NeedsMet or Case.MovedAway or Case.ConsentWithdrawn => 2, _ => 0 };
        var last = (DateOnly?)null;
        for (var r = 0; r < reviews; r++)
        {
            var held = plan.AgreedOn.Value.AddDays(42 * (r + 1) - random.Number(0, 3));
            var closing = r == reviews - 1 && kind is Case.NeedsMet or Case.MovedAway or Case.ConsentWithdrawn;
            var review = new TafReview
            {
                PlanId = plan.Id, HeldOn = held, FamilyProgress = r == 0 ? "Mornings are easier most days." : "We are getting on better and school is going well.",
                ChildProgress = "I get to school on time now.", TafProgress = "Attendance has improved; Mum is engaging well with support.",
                NextStep = closing ? ReviewNextStep.Close : ReviewNextStep.Continue,
                ClosureReason = closing ? kind switch { Case.MovedAway => ClosureReason.MovedOutOfArea, Case.ConsentWithdrawn => ClosureReason.ConsentWithdrawn, _ => ClosureReason.NeedsMetByUniversalServices } : null,
                TransferredTo = closing && kind == Case.MovedAway ? "Riverside Primary School, Northshire" : null,
                RecordedByUserId = recordedBy, RecordedAtUtc = held.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            };
            review.Invitees.Add(new ReviewInvitee { Name = parent.Name, Role = "Parent", Attended = true });
            review.Invitees.Add(new ReviewInvitee { Name = plan.LeadProfessionals[0].Name, Role = "Lead Professional", Attended = true });
            review.Invitees.Add(new ReviewInvitee { Name = "School nurse", Role = "School nursing", Attended = false, SentUpdate = true });
            plan.Reviews.Add(review);
            last = held;
        }

        plan.ReviewDueOn = ReviewSchedule.DueOn(plan.AgreedOn.Value, last);
        if (kind is Case.NeedsMet or Case.MovedAway or Case.ConsentWithdrawn)
        {
            (plan.Stage, plan.ClosedOn, plan.ReviewDueOn) = (PlanStage.Closed, last, null);
            plan.ClosureReason = plan.Reviews[^1].ClosureReason;
            plan.TransferredTo = plan.Reviews[^1].TransferredTo;
            if (kind == Case.ConsentWithdrawn)
            {
                (consent.WithdrawnOn, consent.WithdrawnNote) = (last, "Mum asked for the plan to end; no concerns meeting Tier 3.");
            }

            if (kind == Case.NeedsMet)
            {
                plan.MaintenancePlan = new MaintenancePlan
                {
                    PlanId = plan.Id, FinalReviewOn = last!.Value, WhatWeLearnt = "A morning routine helps everyone.", MostUseful = "The weekly check-in with school.",
                    ActionsToMaintainProgress = "Keep the routine chart; Mum to call school if a morning goes wrong.",
                    DifficultSituations = "Starting secondary school; winter illnesses.", IfThingsBecomeChallenging = "Talk to the school's attendance lead early.",
                    WhoWeCanContact = "The school's family support worker.", KeyContacts = "School office 01632 964000; Family Hub 01632 961000",
                };
            }

            foreach (var action in plan.Actions)
            {
                action.State = ActionState.Done;
            }
        }

        return baseline;
    }

    private static SelfAssessment Sitting(Randomizer random, Guid planId, int? reviewId, int memberId, DateOnly on, Dictionary<AspectOfLife, int> baseline,
        int shift, string recorder, string? words)
    {
        var sitting = new SelfAssessment
        {
            PlanId = planId, ReviewId = reviewId, MemberId = memberId, AssessedOn = on, PractitionerAgrees = random.Chance(0.8), RecordedByUserId = recorder,
            InTheirOwnWords = words,
        };
        if (!sitting.PractitionerAgrees)
        {
            sitting.PractitionerReasons = "School reports more late arrivals than the family describes.";
        }

        foreach (var aspect in AspectsOfLife.All)
        {
            sitting.Scores.Add(aspect == AspectOfLife.PregnancyAndEarlyYears && random.Chance(0.7)
                ? new AspectScore { Aspect = aspect, NotApplicableReason = "No baby or child under five in the family" }
                : new AspectScore
                {
                    Aspect = aspect, Score = Math.Clamp(baseline[aspect] + shift, 0, 10),
                    WorkingWell = aspect == AspectOfLife.FamilyLife ? "We do things together at weekends." : null,
                    CouldBeBetter = baseline[aspect] <= 4 ? "Mornings are a struggle and we are often late." : null,
                });
        }

        return sitting;
    }

    private static string ActionFor(AspectOfLife aspect, string child) => aspect switch
    {
        AspectOfLife.Education => $"Morning routine chart and a daily check-in at the school gate for {child}",
        AspectOfLife.HousingAndHomeEnvironment => "Referral to the housing officer about damp in the children's bedroom",
        AspectOfLife.MoneyAndEmployment => "Appointment with the Citizens Advice debt adviser",
        AspectOfLife.HealthAndWellbeing => "GP appointment about sleep, and the school nurse's sleep advice",
        AspectOfLife.FamilyLife => "Six sessions of the Family Hub's parenting course for Mum",
        _ => $"Talk through {AspectsOfLife.DisplayName(aspect)} at the next visit and agree one small step",
    };
}
