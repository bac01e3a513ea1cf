using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.Identifiers;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Domain.Transitions;

namespace Waymark.Testing;

/// <summary>
/// A child with at least one row in every table of a child's record, at a school of their own (so the shared
/// world's rolls stay as they are), for the subject access export and retention deletion. Some text is hostile
/// on purpose: markup and spreadsheet formulas.
/// </summary>
public static class RichChild
{
    public const string Markup = "<script>alert('x')</script> & \"quoted\"";

    public const string Formula = "=HYPERLINK(\"http://evil.example\",\"click\")";

    public static async Task<Child> CreateAsync(WaymarkDbContext db, TestWorld world, DateOnly dateOfBirth, bool lookedAfter = false,
        string forename = "Rich", string surname = "Record")
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(world);
        var now = DateTime.UtcNow;
        var officer = world.Users[Role.LaOfficer].Id;

        // A social worker of the child's own, so the world's social worker's caseload stays as the tests describe it.
        var socialWorker = TestWorld.NewUser($"rich.social-worker.{Guid.NewGuid():N}@test.example", "Rich's Social Worker", Role.SocialWorker, null);
        db.Users.Add(socialWorker);
        var urn = TestWorld.NextUrn();
        var school = new School
        {
            Urn = urn, LaCode = 823, EstablishmentNumber = 5000 + (urn % 1000), Name = $"Rich Record School {urn}", Phase = SchoolPhase.AllThrough,
            Type = "Academy converter",
        };
        var intervention = new Intervention { Name = $"Resilience programme {urn}", OutcomeMeasure = "Resilience scale (0 to 40)" };
        db.Schools.Add(school);
        db.Interventions.Add(intervention);

        var child = TestWorld.NewChild(forename, surname, dateOfBirth, Sex.Female, school.EstablishmentNumber, 1);
        child.MiddleNames = "Jo";
        child.PreferredForename = "Richie";
        child.RefreshSearchName();
        child.FormerUpns.Add(new FormerUpn { Upn = Upn.Create(823, school.EstablishmentNumber, TestWorld.Today.Year - 7, 2), RecordedAtUtc = now });
        child.Enrolments.Add(new Enrolment { School = school, StartDate = dateOfBirth.AddYears(4), Type = EnrolmentType.Single });
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildInNeed, StartDate = dateOfBirth.AddYears(6), EndDate = dateOfBirth.AddYears(7) });
        if (lookedAfter)
        {
            child.Statuses.Add(new ChildStatus { Type = ChildStatusType.LookedAfter, StartDate = dateOfBirth.AddYears(7), EndDate = dateOfBirth.AddYears(9) });
        }

        child.KeyPeople.Add(new KeyPerson { Role = KeyPersonRole.SocialWorker, UserId = socialWorker.Id, StartDate = dateOfBirth.AddYears(6) });

        // What a Common Transfer File brings: address, contacts with their phones, school history, SEN needs, free school meals.
        child.Statuses.Add(new ChildStatus
        {
            Type = ChildStatusType.SenSupport, StartDate = dateOfBirth.AddYears(6), PrimaryNeed = SenPrimaryNeed.SLCN, SecondaryNeed = SenPrimaryNeed.SEMH,
        });
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.FreeSchoolMeals, StartDate = dateOfBirth.AddYears(5) });
        child.Postcode = "EM1 2AB";
        child.Address = new ChildAddress
        {
            Paon = "12", Street = Markup, Town = "Eastmoor", Postcode = "EM1 2AB", Uprn = 100012345678, Source = "CTF rich.xml", RecordedAtUtc = now,
        };
        child.Contacts.Add(new ChildContact
        {
            Order = 1, Title = "Mx", Forename = "Pat", Surname = "Record", Relationship = "PAR", ParentalResponsibility = true, Email = "pat@example.org",
            Phones = [new ChildContactPhone { Type = "M", Number = "07700 900123" }],
        });
        child.Contacts.Add(new ChildContact { Order = 2, Forename = Formula, Surname = "Record", Relationship = "FAM" });
        child.SchoolHistory.Add(new SchoolHistoryEntry
        {
            SchoolName = "Hillside Primary School", LaCode = 330, EstablishmentNumber = 2005, EntryDate = dateOfBirth.AddYears(4),
            LeavingDate = dateOfBirth.AddYears(6), LeavingReason = "Moved house", Source = "CTF rich.xml", RecordedAtUtc = now,
        });
        db.Children.Add(child);
        await db.SaveChangesAsync();

        var transition = TestWorld.NewTransition(child, dateOfBirth.Year + 10, school, CohortDecision.Confirmed);
        transition.DestinationSchoolId = school.Id;
        transition.DestinationStatus = DestinationStatus.Accepted;
        transition.DestinationChanges.Add(new DestinationChange { SchoolId = school.Id, Status = DestinationStatus.Accepted, Note = Formula, ChangedByUserId = officer, ChangedAtUtc = now });
        transition.Sections.Add(new TransitionProfileSection
        {
            Section = ProfileSection.AboutMe, Sharing = SharingLevel.Shareable, Status = SectionStatus.Complete, Version = 1,
            Answers = new() { ["like-about-me"] = "I like drawing, and " + Markup }, UpdatedByUserId = officer, UpdatedAtUtc = now,
        });
        transition.SupportActions.Add(new SupportPlanAction { Action = Formula, Owner = "Form tutor", ByWhen = TestWorld.Today, CreatedAtUtc = now });
        var meeting = new PcpMeeting
        {
            Date = TestWorld.Today, StartTime = new TimeOnly(15, 30), Venue = "Library", Status = MeetingStatus.Held, WhatsWorking = Markup,
            CreatedByUserId = officer, CreatedAtUtc = now, RecordedByUserId = officer, RecordedAtUtc = now,
        };
        meeting.Invitees.Add(new PcpInvitee { Role = MeetingRole.ParentCarer, Name = "Pat Record", Attendance = MeetingAttendance.Attended });
        meeting.Actions.Add(new PcpAction { What = "Visit the new school", Who = "Pat Record", ByWhen = TestWorld.Today.AddDays(14) });
        transition.Meetings.Add(meeting);
        transition.FollowUps.Add(new FollowUpReview
        {
            Kind = FollowUpKind.SixWeeks, HeldOn = TestWorld.Today, SettlingIn = SettlingIn.Settling, Year6AttendancePercent = 91.5m,
            RecordedByUserId = officer, RecordedAtUtc = now,
        });
        db.Transitions.Add(transition);
        db.ProfileSectionChanges.Add(new ProfileSectionChange
        {
            TransitionId = transition.Id, Section = ProfileSection.AboutMe, SharingAtChange = SharingLevel.Shareable, What = "What I like about me",
            NewValue = "I like drawing", ChangedByUserId = officer, ChangedAtUtc = now,
        });

        var consent = new Consent
        {
            ChildId = child.Id, Purpose = Sharing.TransitionPurpose, GivenByName = "Pat Record", GivenBy = ConsentGiver.Parent, GivenOn = TestWorld.Today,
            RecordedByUserId = officer, RecordedAtUtc = now,
        };
        db.Consents.Add(consent);
        db.InterventionEnrolments.Add(new InterventionEnrolment
        {
            ChildId = child.Id, Intervention = intervention, Provider = "Mind the Gap", StartDate = TestWorld.Today, SessionsPlanned = 6,
            CreatedByUserId = officer, CreatedAtUtc = now,
        });
        await db.SaveChangesAsync();
        db.InformationShares.Add(new InformationShare
        {
            ChildId = child.Id, TransitionId = transition.Id, What = Sharing.TransitionWhat, RecipientSchoolId = school.Id, Basis = ShareBasis.Consent,
            ConsentId = consent.Id, SharedByUserId = officer, SharedAtUtc = now,
        });

        // Two marks a day for the first week of the year the child was 10, one of them corrected.
        var year = AcademicYear.Containing(dateOfBirth.AddYears(10));
        var marks = new YearMarks(year);
        var codes = new[] { "/", "L", "I", "O", "/" };
        var day = year.Start;
        for (var i = 0; i < codes.Length; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                marks.Set(day, Session.AM, AttendanceCodes.Get(codes[i]));
                marks.Set(day, Session.PM, AttendanceCodes.Get(codes[i++]));
            }
        }

        db.AttendanceYears.Add(new AttendanceYear { ChildId = child.Id, SchoolId = school.Id, AcademicYear = year.StartYear, Marks = marks.Bytes, UpdatedAtUtc = now });
        db.AttendanceMarkChanges.Add(new AttendanceMarkChange
        {
            ChildId = child.Id, SchoolId = school.Id, Date = year.Start.AddDays(1), Session = Session.AM, OldCode = "N", NewCode = "L", ChangedAtUtc = now,
            ChangedByUserId = officer, Source = "register correction",
        });
        var suspension = new Suspension
        {
            ChildId = child.Id, SchoolId = school.Id, Kind = ExclusionKind.Suspension, StartDate = year.Start.AddDays(20), FirstSession = Session.AM,
            Sessions = 2, Reason1 = "PA", RecordedByUserId = officer, RecordedAtUtc = now,
        };
        db.Suspensions.Add(suspension);
        var timetable = new ReducedTimetable
        {
            ChildId = child.Id, SchoolId = school.Id, StartDate = year.Start.AddDays(30), PlannedEndDate = year.Start.AddDays(60), HoursPerWeek = 15m,
            Reason = ReducedTimetableReason.MedicalNeeds, ParentAgreedBy = "Pat Record", ParentAgreedOn = year.Start.AddDays(29),
            PlanToFullTime = "Add a day a week", CreatedByUserId = officer, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        timetable.Reviews.Add(new ReducedTimetableReview
        {
            ReviewedOn = year.Start.AddDays(44), Attendees = "Pat Record, SENCo", Outcome = "Going well", NewHoursPerWeek = 20m, RecordedByUserId = officer, RecordedAtUtc = now,
        });
        db.ReducedTimetables.Add(timetable);
        db.AttendanceSupportPlans.Add(new AttendanceSupportPlan
        {
            ChildId = child.Id, SchoolId = school.Id, StartedOn = year.Start.AddDays(10), LeadName = "Ms Lead", RecordedByUserId = officer, RecordedAtUtc = now,
        });
        db.AttendanceAlerts.Add(new AttendanceAlert
        {
            ChildId = child.Id, SchoolId = school.Id, Kind = AlertKind.PersistentAbsence, Key = year.ToString(), Owner = AlertOwner.School,
            Summary = "10.0% absence this year", RaisedOn = year.Start.AddDays(5),
        });
        db.Notifications.Add(new Notification { UserId = socialWorker.Id, ChildId = child.Id, Text = "Suspended for 2 sessions", CreatedAtUtc = now });
        db.LegalHolds.Add(new LegalHold
        {
            ChildId = child.Id, Reason = "Insurance claim (settled)", PlacedByUserId = world.Users[Role.LaAdmin].Id, PlacedAtUtc = now.AddDays(-30),
            LiftedAtUtc = now.AddDays(-1), LiftedByUserId = world.Users[Role.LaAdmin].Id, LiftedReason = "Claim settled",
        });
        db.BreakGlassAccesses.Add(new BreakGlassAccess
        {
            UserId = officer, ChildId = child.Id, Reason = "Checking for a sibling's plan before a strategy meeting", GrantedAtUtc = now.AddDays(-3),
            GrantedOn = DateOnly.FromDateTime(now.AddDays(-3)), ReviewedByUserId = world.Users[Role.CaldicottGuardian].Id, ReviewedAtUtc = now.AddDays(-2),
        });
        // The child in their family's early help plan: their own consent, scores, words and a worksheet are their record.
        var plan = new EarlyHelpPlan
        {
            Id = Guid.NewGuid(), FamilyName = $"The {surname} family", Stage = Domain.EarlyHelp.PlanStage.Assessment, CreatedByUserId = officer,
            CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        var member = new FamilyMember
        {
            Name = $"{forename} {surname}", Role = FamilyRole.Child, Relationship = "Son", DateOfBirth = dateOfBirth, LivesAtHome = true, ChildId = child.Id,
        };
        plan.Members.Add(member);
        db.EarlyHelpPlans.Add(plan);
        db.EarlyHelpConsents.Add(new EarlyHelpConsent
        {
            PlanId = plan.Id, Kind = Domain.EarlyHelp.EarlyHelpConsentKind.ShareWithSupporters, Agreed = true, GivenBy = member, GivenOn = TestWorld.Today,
            CoversMemberIds = "", RecordedByUserId = officer, RecordedAtUtc = now,
        });
        db.SelfAssessments.Add(new SelfAssessment
        {
            PlanId = plan.Id, Member = member, AssessedOn = TestWorld.Today, PractitionerAgrees = true, InTheirOwnWords = Markup, RecordedByUserId = officer,
            Scores = [new AspectScore { Aspect = Domain.EarlyHelp.AspectOfLife.Education, Score = 4, CouldBeBetter = Formula }],
            Attachments = [new SelfAssessmentAttachment { FileName = "worksheet.png", ContentType = "image/png", Content = [0x89, 0x50, 0x4E, 0x47], UploadedAtUtc = now, UploadedByUserId = officer }],
        });
        db.PfaChecklistItems.Add(new PfaChecklistItem
        {
            ChildId = child.Id, Item = Domain.Adulthood.PfaItem.PlanningStarted, Status = Domain.Adulthood.PfaItemStatus.Done, Owner = Markup,
            DueOn = TestWorld.Today, EvidenceNote = Formula, ClosedOn = TestWorld.Today, UpdatedByUserId = officer, UpdatedAtUtc = now,
        });
        db.JointPanels.Add(new JointPanel
        {
            MeetsOn = TestWorld.Today.AddDays(-7), Agencies = "Health,Housing", CreatedByUserId = officer, CreatedAtUtc = now,
            Cases = [new JointPanelCase { ChildId = child.Id, Reason = Markup, Decision = Formula, ListedByUserId = officer, UpdatedAtUtc = now }],
        });
        db.CareLeaverDetails.Add(new CareLeaverDetails
        {
            ChildId = child.Id, PersonalAdviser = Markup, EetStatus = Domain.Adulthood.EetStatus.Training, UpdatedByUserId = officer, UpdatedAtUtc = now,
        });
        db.PathwayPlanReviews.Add(new PathwayPlanReview
        {
            ChildId = child.Id, ReviewedOn = TestWorld.Today.AddMonths(-1), Note = Formula, RecordedByUserId = officer, RecordedAtUtc = now,
        });
        db.EhcNeedsAssessments.Add(new EhcNeedsAssessment
        {
            ChildId = child.Id, RequestedOn = TestWorld.Today.AddDays(-60), ExceptionNote = Markup, CreatedByUserId = officer, CreatedAtUtc = now, UpdatedAtUtc = now,
        });
        db.EhcAnnualReviews.Add(new EhcAnnualReview
        {
            ChildId = child.Id, MeetingOn = TestWorld.Today.AddDays(-30), Outcome = Domain.Send.ReviewOutcome.Maintain, CreatedByUserId = officer, CreatedAtUtc = now,
        });
        db.EhcPhaseTransfers.Add(new EhcPhaseTransfer
        {
            ChildId = child.Id, Kind = Domain.Send.PhaseTransferKind.EarlyYearsToSchool, TransferOn = TestWorld.Today.AddMonths(6), DueOn = TestWorld.Today.AddMonths(2),
            CreatedByUserId = officer, CreatedAtUtc = now,
        });
        db.EhcLaTransfers.Add(new EhcLaTransfer
        {
            ChildId = child.Id, FromLocalAuthority = Formula, TransferredOn = TestWorld.Today.AddDays(-10), CreatedByUserId = officer, CreatedAtUtc = now,
        });
        db.LinkContacts.Add(new LinkContact
        {
            SchoolId = school.Id, Kind = Domain.LinkCalls.LinkContactKind.FortnightlyCall, HeldOn = TestWorld.Today.AddDays(-3), OfficerUserId = officer,
            FromSchool = Markup, Notes = Formula, CreatedAtUtc = now, Children = [new LinkContactChild { ChildId = child.Id }],
        });
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAtUtc = now.AddDays(-2), UserId = socialWorker.Id, Action = AuditActions.ChildViewed, ChildId = child.Id,
            Detail = Formula,
        });
        await db.SaveChangesAsync();
        return child;
    }
}
