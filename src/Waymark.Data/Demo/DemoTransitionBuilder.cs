using System.Globalization;
using Bogus;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.Transitions;

namespace Waymark.Data.Demo;

/// <summary>
/// Writes one child's transition for the stage the demo chose: the decision, destination, profile and
/// its history, support plan, meetings, interventions, consent, share and Year 7 reviews, with dates
/// that follow one another and never run past today.
/// </summary>
internal sealed class DemoTransitionBuilder(
    Randomizer random,
    DemoSchools schools,
    DemoProgrammeStaff staff,
    DemoProgramme programme,
    DateOnly today)
{
    private enum Destination
    {
        None,
        Preference,
        Offered,
        AcceptedNoConsent,
        ConsentNotAccepted,
        Withdrawn,
        Shared,
    }

    private static readonly TimeOnly[] MeetingTimes =
        [new(9, 0), new(9, 30), new(10, 15), new(13, 30), new(14, 0), new(15, 30)];

    private bool _withdrawnShown;

    /// <summary>Rows that nothing refers to, written in bulk after each batch of transitions is saved.</summary>
    public DemoLeafRows Leaves { get; } = new();

    public void Build(WaymarkDbContext db, DemoCandidate c)
    {
        var year6 = new AcademicYear(c.CohortYear);
        var year5 = new AcademicYear(c.CohortYear - 1);
        var moveDate = CohortYears.MoveDate(year6);

        // Work at the primary school ends with the summer term of Year 6.
        var workEnd = c.HasMoved ? year6.End.AddDays(-38) : today;
        var stage = c.Stage;
        var removed = stage == TransitionStage.Removed;
        var atFirstPrimary = c.Sending == schools.FirstPrimary;

        // Who records things: the demo accounts where they would, the advisory teacher for other schools.
        var schoolRecorder = atFirstPrimary ? staff.TransitionLead : staff.AdvisoryTeacher;
        var restrictedRecorder = c.DemoCaseload ? staff.SocialWorker : staff.AdvisoryTeacher;

        // Proposed: by the termly run of the cohort proposer, once the plan that brings the child in has begun.
        var earliest = DemoRandom.Max(c.PlanStart, year5.Start.AddDays(10));
        DateOnly proposed;
        if (c.HasMoved)
        {
            var latest = DemoRandom.Max(earliest, year6.Start.AddDays(70));
            if (c.PlanEnd is { } planEnd)
            {
                latest = Clamp(latest, earliest, planEnd);
            }

            proposed = DemoDates.SchoolDay(random, earliest, latest);
        }
        else
        {
            var latest = stage switch
            {
                TransitionStage.Proposed or TransitionStage.Confirmed or TransitionStage.Removed => today,
                _ => DemoRandom.Min(today, earliest.AddDays(150)),
            };
            var from = stage == TransitionStage.Proposed ? DemoRandom.Max(earliest, today.AddDays(-45)) : earliest;
            proposed = DemoDates.SchoolDay(random, DemoRandom.Min(from, today), latest);
        }

        proposed = DemoRandom.Min(proposed, today);
        DateOnly? decided = stage == TransitionStage.Proposed ? null : Clamp(proposed.AddDays(random.Number(3, 21)), proposed, workEnd);
        var workFrom = decided ?? proposed;

        var transition = new Transition
        {
            Id = random.NextGuid(),
            ChildId = c.ChildId,
            CohortYear = c.CohortYear,
            SendingSchoolId = c.Sending.Entity.Id,
            Decision = stage switch
            {
                TransitionStage.Proposed => CohortDecision.Proposed,
                TransitionStage.Removed => CohortDecision.Removed,
                _ => CohortDecision.Confirmed,
            },
            ProposedBecause = c.ProposedBecause,
            ProposedAtUtc = DemoProgramme.At(proposed, 7, 0),
        };

        // A destination is recorded only where the scenario has one.
        var destinationSchool = ChooseDestination(c, stage);
        var scenario = Scenario(c, stage, destinationSchool);
        if (scenario == Destination.None)
        {
            destinationSchool = null;
        }

        var lead = programme.Leads.TryGetValue(c.Sending.Entity.Id, out var leadName)
            ? $"{leadName}, Transition Lead"
            : $"{Adult()}, class teacher";
        var parent = random.Chance(0.7) ? $"{DemoNames.Adult(random).Forename} {c.Surname}" : Adult();
        var voice = new DemoVoice
        {
            Name = c.Forename,
            Sex = c.Sex,
            Interest = random.Pick(DemoTransitionText.Interests),
            Friend = random.Pick(DemoTransitionText.Friends),
            Primary = c.Sending.Entity.Name,
            Destination = destinationSchool?.Entity.Name ?? "the secondary school",
            SocialWorker = c.SocialWorker,
            Lead = lead,
            Parent = parent,
        };

        if (decided is { } d)
        {
            transition.DecidedByUserId = staff.Officer.Id;
            transition.DecidedAtUtc = DemoProgramme.At(d, 11, random.Number(0, 59));
            transition.DecisionReason = removed
                ? c.Sending.Kind != DemoSchoolKind.Primary
                    ? $"Stays at {c.Sending.Entity.Name} for Year 7; the move is planned through the EHC plan review."
                    : DemoTransitionText.Pick(random, DemoTransitionText.RemovedReasons, voice)
                : random.Chance(0.4) ? DemoTransitionText.Pick(random, DemoTransitionText.ConfirmedReasons, voice) : null;
        }

        // Destination and consent, consistent with the sharing rule.
        var dates = DatesOfDestination(c, year6, proposed, workEnd);
        Consent? consent = null;
        if (destinationSchool is not null)
        {
            var status = scenario switch
            {
                Destination.Preference => DestinationStatus.Preference,
                Destination.Offered => DestinationStatus.Offered,
                Destination.ConsentNotAccepted => random.Bool() ? DestinationStatus.Preference : DestinationStatus.Offered,
                _ => DestinationStatus.Accepted,
            };
            transition.DestinationSchoolId = destinationSchool.Entity.Id;
            transition.DestinationStatus = status;
            AddDestinationHistory(transition, c, destinationSchool, status, dates, atFirstPrimary);
        }

        if (scenario is Destination.ConsentNotAccepted or Destination.Withdrawn or Destination.Shared)
        {
            var given = Clamp(DemoDates.SchoolDay(random, workFrom, workEnd), workFrom, workEnd);
            var recorder = atFirstPrimary ? staff.TransitionLead : c.DemoCaseload ? staff.SocialWorker : staff.Officer;
            consent = new Consent
            {
                ChildId = c.ChildId,
                Purpose = Sharing.TransitionPurpose,
                GivenByName = parent,
                GivenBy = random.Chance(0.85) ? ConsentGiver.Parent : ConsentGiver.Carer,
                GivenOn = given,
                RecordedByUserId = recorder.Id,
                RecordedAtUtc = DemoProgramme.At(given, 15, random.Number(0, 59)),
            };
            db.Consents.Add(consent);

            if (scenario is Destination.Withdrawn or Destination.Shared)
            {
                var sharedOn = DemoRandom.Max(given, dates.Accepted);
                var share = new InformationShare
                {
                    ChildId = c.ChildId,
                    TransitionId = transition.Id,
                    What = Sharing.TransitionWhat,
                    RecipientSchoolId = destinationSchool!.Entity.Id,
                    Basis = ShareBasis.Consent,
                    Consent = consent,
                    Reason = Sharing.TransitionPurpose,
                    SharedByUserId = recorder.Id,
                    SharedAtUtc = DemoProgramme.At(sharedOn, 16, random.Number(0, 59)),
                };
                if (scenario == Destination.Withdrawn)
                {
                    var withdrawn = Clamp(sharedOn.AddDays(random.Number(7, 40)), sharedOn, workEnd);
                    consent.WithdrawnOn = withdrawn;
                    consent.WithdrawnNote = $"{parent} asked for the sharing to stop until after the next meeting.";
                    consent.WithdrawalRecordedByUserId = recorder.Id;
                    share.EndedAtUtc = DemoProgramme.At(withdrawn, 17, random.Number(0, 59));
                    share.EndReason = Sharing.WhyNotShareable(true, DestinationStatus.Accepted, consentInForce: false);
                }
                else if (stage == TransitionStage.Acknowledged || (c.HasMoved && destinationSchool == schools.FirstSecondary))
                {
                    var acknowledged = Clamp(sharedOn.AddDays(random.Number(1, 14)), sharedOn, today);
                    share.AcknowledgedByUserId = staff.SecondaryLead.Id;
                    share.AcknowledgedAtUtc = DemoProgramme.At(acknowledged, 17, random.Number(10, 59));
                }

                db.InformationShares.Add(share);
            }
        }

        // The profile.
        (string Name, string Role)? keyAdult = destinationSchool is null ? null
            : destinationSchool == schools.FirstSecondary && random.Bool() ? (staff.SecondaryLead.Name, "Transition Lead")
            : (Adult(), random.Pick(DemoTransitionText.KeyAdultRoles));
        var context = new ProfileContext(c, voice, destinationSchool, keyAdult, year6, schoolRecorder, restrictedRecorder);
        var started = SectionsFor(stage, c);
        foreach (var (section, status) in started)
        {
            AddSection(transition, context, section, status, workFrom, workEnd);
        }

        if (started.Any(s => s.Section == ProfileSection.SupportPlan))
        {
            AddSupportActions(transition, voice, workFrom, workEnd, c.HasMoved);
        }

        AddMeetings(transition, c, voice, destinationSchool, stage, workFrom, workEnd, schoolRecorder);
        AddInterventions(db, c, voice, destinationSchool, stage, workFrom, workEnd, schoolRecorder);

        if (c.HasMoved && !removed)
        {
            AddFollowUps(transition, c, voice, c.MovedTo!, moveDate);
        }

        db.Transitions.Add(transition);
    }

    private string Adult()
    {
        var (forename, surname) = DemoNames.Adult(random);
        return $"{forename} {surname}";
    }

    private static DateOnly Clamp(DateOnly date, DateOnly min, DateOnly max) =>
        date < min ? min : date > max ? DemoRandom.Max(min, max) : date;

    private DemoSchool? ChooseDestination(DemoCandidate c, TransitionStage stage)
    {
        if (c.MovedTo is { } moved)
        {
            return moved;
        }

        if (c.Sending.Kind != DemoSchoolKind.Primary)
        {
            return null;
        }

        // The demo primary's shared children go to the demo secondary, and so does every acknowledgement:
        // it is the only secondary with a demo account to acknowledge.
        if (stage == TransitionStage.Acknowledged || (c.Sending == schools.FirstPrimary && stage == TransitionStage.Shared))
        {
            return schools.FirstSecondary;
        }

        return schools.Secondaries.Pick(random);
    }

    private Destination Scenario(DemoCandidate c, TransitionStage stage, DemoSchool? destination)
    {
        if (destination is null || stage == TransitionStage.Removed)
        {
            return Destination.None;
        }

        if (stage is TransitionStage.Shared or TransitionStage.Acknowledged or TransitionStage.InYear7 or TransitionStage.FollowedUp)
        {
            return Destination.Shared;
        }

        if (c.Year == 5)
        {
            return random.Chance(0.12) ? Destination.Preference : Destination.None;
        }

        // One child whose parent withdrew consent, so the ended share shows in the ledger.
        if (stage == TransitionStage.ProfileComplete && !_withdrawnShown && c.Sending != schools.FirstPrimary)
        {
            _withdrawnShown = true;
            return Destination.Withdrawn;
        }

        var table = stage switch
        {
            TransitionStage.Proposed => new WeightedTable<Destination>((Destination.None, 40), (Destination.Preference, 45), (Destination.Offered, 15)),
            TransitionStage.Confirmed => new WeightedTable<Destination>((Destination.None, 30), (Destination.Preference, 45), (Destination.Offered, 25)),
            TransitionStage.ProfileInProgress => new WeightedTable<Destination>(
                (Destination.None, 10), (Destination.Preference, 35), (Destination.Offered, 25),
                (Destination.AcceptedNoConsent, 15), (Destination.ConsentNotAccepted, 15)),
            _ => new WeightedTable<Destination>(
                (Destination.Preference, 10), (Destination.Offered, 20), (Destination.AcceptedNoConsent, 35),
                (Destination.ConsentNotAccepted, 25), (Destination.Withdrawn, 10)),
        };
        return table.Pick(random);
    }

    private sealed record DestinationTimeline(DateOnly Preference, DateOnly Offered, DateOnly Accepted);

    /// <summary>
    /// Preference in the autumn of Year 6, offer on National Offer Day (1 March) and acceptance soon
    /// after. Before this year's offer day the demo still shows accepted places, earlier than real life,
    /// so that every stage has children in it.
    /// </summary>
    private DestinationTimeline DatesOfDestination(DemoCandidate c, AcademicYear year6, DateOnly proposed, DateOnly workEnd)
    {
        var offerDay = new DateOnly(year6.StartYear + 1, 3, 1);
        var preference = DemoDates.SchoolDay(random, DemoRandom.Max(proposed, year6.Start.AddDays(10)), DemoRandom.Max(year6.Start.AddDays(55), proposed));
        if (c.Year == 5 || preference > workEnd)
        {
            preference = DemoDates.SchoolDay(random, proposed, workEnd);
        }

        preference = Clamp(preference, proposed, workEnd);
        var offered = offerDay <= workEnd && offerDay > preference ? offerDay : DemoDates.SchoolDay(random, preference, workEnd);
        var accepted = Clamp(DemoDates.SchoolDay(random, offered, offered.AddDays(14)), offered, workEnd);
        return new DestinationTimeline(preference, offered, accepted);
    }

    private void AddDestinationHistory(
        Transition transition, DemoCandidate c, DemoSchool school, DestinationStatus status, DestinationTimeline dates, bool atFirstPrimary)
    {
        var by = atFirstPrimary ? staff.TransitionLead.Id : staff.Officer.Id;

        // Now and then the first preference was not the school offered.
        var firstChoice = status != DestinationStatus.Preference && random.Chance(0.15) ? schools.Secondaries.Pick(random) : school;
        // Later steps later in the day, so the history stays in order when two fall on one day.
        void Add(DemoSchool s, DestinationStatus st, DateOnly on, string note) =>
            Leaves.DestinationChanges.Add(new DestinationChange
            {
                TransitionId = transition.Id,
                SchoolId = s.Entity.Id,
                Status = st,
                Note = note,
                ChangedByUserId = by,
                ChangedAtUtc = DemoProgramme.At(on, 11 + (int)st, random.Number(0, 59)),
            });

        Add(firstChoice, DestinationStatus.Preference, dates.Preference,
            c.Year == 5 ? "Parents are thinking of this school; an older sibling goes there." : "First preference on the secondary school application.");
        if (status >= DestinationStatus.Offered)
        {
            Add(school, DestinationStatus.Offered, dates.Offered, firstChoice == school
                ? "Place offered."
                : $"Not offered {firstChoice.Entity.Name}; place offered here instead.");
        }

        if (status == DestinationStatus.Accepted)
        {
            Add(school, DestinationStatus.Accepted, dates.Accepted, "Parents accepted the place.");
        }
    }

    /// <summary>The sections started for the stage, each with its status.</summary>
    private List<(ProfileSection Section, SectionStatus Status)> SectionsFor(TransitionStage stage, DemoCandidate c)
    {
        var all = ProfileSections.All.Select(d => d.Section).ToList();
        switch (stage)
        {
            case TransitionStage.ProfileInProgress:
            {
                // About me first, as the profile asks; then the school fills in whatever it can.
                var count = random.Number(1, c.Year == 5 ? 5 : 10);
                var order = all.Skip(1).OrderBy(_ => random.Double()).Prepend(ProfileSection.AboutMe).Take(count).ToList();
                var complete = random.Number(0, count - 1);
                return [.. order.Select((s, i) => (s, i < complete ? SectionStatus.Complete : SectionStatus.InProgress)).OrderBy(x => x.Item1)];
            }

            case TransitionStage.ProfileComplete or TransitionStage.Acknowledged or TransitionStage.InYear7 or TransitionStage.FollowedUp:
                return [.. all.Select(s => (s, SectionStatus.Complete))];

            case TransitionStage.Shared:
            {
                // Sharing waits for consent and a place, not for the profile; a few still have the visits to settle.
                var open = random.Chance(0.2) ? ProfileSection.VisitsAndKeyAdult : (ProfileSection?)null;
                return [.. all.Select(s => (s, s == open ? SectionStatus.InProgress : SectionStatus.Complete))];
            }

            default:
                return [];
        }
    }

    private sealed record ProfileContext(
        DemoCandidate Child,
        DemoVoice Voice,
        DemoSchool? Destination,
        (string Name, string Role)? KeyAdult,
        AcademicYear Year6,
        DemoPerson SchoolRecorder,
        DemoPerson RestrictedRecorder);

    private void AddSection(
        Transition transition, ProfileContext context, ProfileSection section, SectionStatus status, DateOnly from, DateOnly to)
    {
        var definition = ProfileSections.Get(section);
        var answers = Answers(section, context);
        if (status == SectionStatus.InProgress && answers.Count > 1)
        {
            // Some questions still to answer; always at least one answered.
            var keep = random.Number(1, answers.Count - 1);
            foreach (var key in answers.Keys.OrderBy(_ => random.Double()).Skip(keep).ToList())
            {
                answers.Remove(key);
            }
        }

        var sharing = definition.DefaultSharing;
        if (section == ProfileSection.HealthAndMedical && random.Chance(0.08))
        {
            sharing = SharingLevel.Restricted; // kept back at the family's request
        }

        var recorder = sharing == SharingLevel.Restricted ? context.RestrictedRecorder
            : section == ProfileSection.CommunicationAndLearning && context.Child.Sending == schools.FirstPrimary ? staff.Senco
            : context.SchoolRecorder;
        var firstSave = DemoDates.SchoolDay(random, from, to);
        var twoSaves = status == SectionStatus.Complete && random.Chance(0.4) && firstSave < to;
        var lastSave = twoSaves ? DemoDates.SchoolDay(random, firstSave.AddDays(1), to) : firstSave;
        var firstAt = DemoProgramme.At(firstSave, random.Number(8, 16), random.Number(0, 59));
        var lastAt = twoSaves ? DemoProgramme.At(lastSave, random.Number(8, 16), random.Number(0, 59)) : firstAt;
        if (lastAt < firstAt)
        {
            lastAt = firstAt;
        }

        var row = new TransitionProfileSection
        {
            TransitionId = transition.Id,
            Section = section,
            Sharing = sharing,
            Status = status,
            Answers = answers,
            Version = twoSaves ? 2 : 1,
            UpdatedByUserId = recorder.Id,
            UpdatedAtUtc = lastAt,
        };
        Leaves.Sections.Add(row);

        // The change history: each answer as first written, a later edit now and then, and the status.
        void Change(string what, string? oldValue, string? newValue, DateTime at) => Leaves.Changes.Add(new ProfileSectionChange
        {
            TransitionId = transition.Id,
            Section = section,
            SharingAtChange = sharing,
            What = what,
            OldValue = oldValue,
            NewValue = newValue,
            ChangedByUserId = recorder.Id,
            ChangedAtUtc = at,
        });

        var edited = twoSaves && random.Chance(0.5) ? answers.Keys.ElementAt(random.Number(0, answers.Count - 1)) : null;
        var earlier = edited is null ? null : Answers(section, context)[edited];
        if (earlier == answers.GetValueOrDefault(edited ?? ""))
        {
            edited = null;
        }

        foreach (var field in definition.Fields.Where(f => answers.ContainsKey(f.Key)))
        {
            Change(field.Label, null, field.Key == edited ? earlier : answers[field.Key], firstAt);
        }

        if (sharing != definition.DefaultSharing)
        {
            Change("Sharing level", ProfileSections.DisplayName(definition.DefaultSharing), ProfileSections.DisplayName(sharing), firstAt);
        }

        var firstStatus = twoSaves ? SectionStatus.InProgress : status;
        Change("Status", ProfileSections.DisplayName(SectionStatus.NotStarted), ProfileSections.DisplayName(firstStatus), firstAt);
        if (twoSaves)
        {
            if (edited is not null)
            {
                Change(definition.Fields.Single(f => f.Key == edited).Label, earlier, answers[edited], lastAt);
            }

            Change("Status", ProfileSections.DisplayName(SectionStatus.InProgress), ProfileSections.DisplayName(status), lastAt);
        }
    }

    /// <summary>Every question of the section answered; the caller drops some for a section in progress.</summary>
    private Dictionary<string, string> Answers(ProfileSection section, ProfileContext context)
    {
        var v = context.Voice;
        var c = context.Child;
        string One(IReadOnlyList<string> items) => DemoTransitionText.Pick(random, items, v);
        string Some(IReadOnlyList<string> items, double second = 0.35) => DemoTransitionText.PickSome(random, items, v, second);

        return section switch
        {
            ProfileSection.AboutMe => new()
            {
                ["like-about-me"] = Some(DemoTransitionText.LikeAboutMe),
                ["important-to-me"] = One(DemoTransitionText.ImportantToMe),
                ["support-me"] = Some(DemoTransitionText.SupportMe, 0.5),
            },
            ProfileSection.StrengthsAndInterests => new()
            {
                ["good-at"] = One(DemoTransitionText.GoodAt),
                ["enjoy"] = One(DemoTransitionText.Enjoy),
            },
            ProfileSection.WorriesAboutMoving => new()
            {
                ["worries"] = Some(DemoTransitionText.Worries, 0.5),
                ["looking-forward"] = Some(DemoTransitionText.LookingForward),
                ["would-help"] = Some(DemoTransitionText.WouldHelp),
            },
            ProfileSection.CommunicationAndLearning => new()
            {
                ["sen"] = SenAnswer(context),
                ["primary-need"] = c.SenNeed is { } need ? SenPrimaryNeeds.DisplayName(need) : "None identified",
                ["communication"] = One(DemoTransitionText.Communication),
                ["works-in-class"] = Some(DemoTransitionText.WorksInClass),
            },
            ProfileSection.AttendanceAndPunctuality => new()
            {
                ["picture"] = AttendancePicture(),
                ["barriers"] = One(DemoTransitionText.AttendanceBarriers),
                ["helps"] = Some(DemoTransitionText.AttendanceHelps),
            },
            ProfileSection.Behaviour => new()
            {
                ["behaviour"] = One(DemoTransitionText.Behaviour),
                ["triggers"] = Some(DemoTransitionText.Triggers),
                ["calms"] = One(DemoTransitionText.Calms),
            },
            ProfileSection.HealthAndMedical => new()
            {
                ["conditions"] = One(DemoTransitionText.Conditions),
                ["wellbeing"] = One(DemoTransitionText.Wellbeing),
            },
            ProfileSection.FamilyAndProfessionals => new()
            {
                ["family"] = One(DemoTransitionText.Family),
                ["safeguarding"] = SafeguardingAnswer(c),
                ["professionals"] = ProfessionalsAnswer(c),
            },
            ProfileSection.WhatHasWorked => new()
            {
                ["worked"] = Some(DemoTransitionText.Worked),
                ["not-worked"] = Some(DemoTransitionText.NotWorked),
            },
            ProfileSection.SupportPlan => new()
            {
                ["summary"] = v.Fill(context.Destination is null
                    ? "Build {name}'s confidence about the move this year, then plan visits and a key adult once the secondary school is known."
                    : random.Pick(
                    [
                        "Extra visits to {dest} in the summer term, a named key adult there, practice of the journey, and the resilience programme before the move.",
                        "A key adult at {dest} who meets {name} before September, a photo book for the summer, and the triggers and what calms {him} shared with form staff.",
                        "Mentoring across the move, two extra visits to {dest} with a familiar adult, and a time-out card agreed before September.",
                    ])),
            },
            ProfileSection.VisitsAndKeyAdult => VisitsAnswer(context),
            _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Unknown profile section."),
        };
    }

    private string SenAnswer(ProfileContext context)
    {
        var c = context.Child;
        var since = c.SenStart is { } start ? SchoolYearName(start, c) : "this year";
        return c.Sen switch
        {
            ChildStatusType.EhcPlan => context.Voice.Fill(
                $"EHC plan since {since}: {DemoTransitionText.SenSupportProvision(c.SenNeed ?? SenPrimaryNeed.OTH)}. "
                + (context.Destination is null
                    ? "The annual review this autumn will name the secondary school before the 15 February deadline."
                    : "The plan names {dest} for Year 7; its SENCo came to the annual review.")),
            ChildStatusType.SenSupport =>
                $"SEN support since {since}: {DemoTransitionText.SenSupportProvision(c.SenNeed ?? SenPrimaryNeed.OTH)}.",
            _ => random.Pick(
            [
                "Not on the SEN register. Working at the expected standard in reading, just below in maths.",
                "No special educational needs identified. Some gaps in maths from missed school are being closed in a small group.",
                "Not on the SEN register; the SENCo is keeping an eye on reading comprehension.",
            ]),
        };
    }

    /// <summary>"Year 3", or "before school" for a plan that began before Reception.</summary>
    private static string SchoolYearName(DateOnly date, DemoCandidate c)
    {
        var ncYear = 6 - (c.CohortYear - AcademicYear.Containing(date).StartYear);
        return ncYear switch
        {
            < 0 => "before school",
            0 => "Reception",
            _ => string.Create(CultureInfo.InvariantCulture, $"Year {ncYear}"),
        };
    }

    private string AttendancePicture()
    {
        var thisYear = Math.Round((decimal)random.Double(84, 99), 1);
        var lastYear = Math.Round(Math.Clamp(thisYear + (decimal)random.Double(-4, 4), 80m, 99.5m), 1);
        return $"{DemoTransitionText.Percent(thisYear)}% so far this year ({DemoTransitionText.Percent(lastYear)}% last year). {random.Pick(DemoTransitionText.AbsencePatterns)}";
    }

    private string SafeguardingAnswer(DemoCandidate c)
    {
        var since = c.PlanStart.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        return c.PlanType == ChildStatusType.ChildProtectionPlan
            ? $"Child protection plan since {since}, under the category of {random.Pick(DemoTransitionText.ProtectionCategory)}. The core group meets monthly; the school attends."
            : $"Child in need plan since {since}, focusing on {random.Pick(DemoTransitionText.InNeedFocus)}. Reviewed every three months.";
    }

    private string ProfessionalsAnswer(DemoCandidate c)
    {
        var parts = new List<string> { $"Social worker: {c.SocialWorker}, {DemoChildBuilder.SocialCareOrganisation}." };
        if (random.Chance(0.5))
        {
            parts.Add($"Family support worker: {Adult()}, {DemoChildBuilder.EarlyHelpOrganisation}.");
        }

        if (random.Chance(0.3))
        {
            parts.Add("School nursing team (drop-in at school every Wednesday).");
        }

        if (c.Sen is not null)
        {
            parts.Add($"Educational psychologist: {Adult()}.");
        }

        return string.Join(" ", parts);
    }

    private Dictionary<string, string> VisitsAnswer(ProfileContext context)
    {
        if (context.Destination is not { } destination || context.KeyAdult is not { } adult)
        {
            return new()
            {
                ["visits"] = "To be arranged once the secondary school place is known.",
                ["key-adult-name"] = "Not yet known",
                ["key-adult-role"] = "Not yet known",
            };
        }

        // Summer term of Year 6.
        var june = new DateOnly(context.Year6.StartYear + 1, 6, 1);
        var first = DemoDates.SchoolDay(random, june.AddDays(3), june.AddDays(12));
        var second = DemoDates.SchoolDay(random, first.AddDays(7), first.AddDays(16));
        var day = DemoDates.SchoolDay(random, new DateOnly(june.Year, 7, 1), new DateOnly(june.Year, 7, 8));
        string D(DateOnly d) => d.ToString("d MMMM", CultureInfo.InvariantCulture);
        return new()
        {
            ["visits"] = context.Voice.Fill(
                $"Extra visits on {D(first)} and {D(second)}, then the transition day on {D(day)}. "
                + "On the first visit {name} will see the canteen, the library and {his} form room with a teaching assistant from {primary}."),
            ["key-adult-name"] = adult.Name,
            ["key-adult-role"] = $"{adult.Role}, {destination.Entity.Name}",
        };
    }

    private void AddSupportActions(Transition transition, DemoVoice voice, DateOnly from, DateOnly workEnd, bool moved)
    {
        var count = random.Number(2, 4);
        foreach (var (action, who) in DemoTransitionText.SupportActions.OrderBy(_ => random.Double()).Take(count))
        {
            var created = DemoDates.SchoolDay(random, from, workEnd);
            var byWhen = moved
                ? DemoDates.SchoolDay(random, created.AddDays(14), DemoRandom.Max(created.AddDays(14), workEnd))
                : DemoDates.SchoolDay(random, created.AddDays(14), created.AddDays(120));
            Leaves.SupportActions.Add(new SupportPlanAction
            {
                TransitionId = transition.Id,
                Action = voice.Fill(action),
                Owner = voice.Fill(who),
                ByWhen = byWhen,
                DoneOn = DoneOn(created, byWhen, moved ? 0.9 : 0.65),
                CreatedAtUtc = DemoProgramme.At(created, 12, random.Number(0, 59)),
            });
        }
    }

    /// <summary>Done (by today) with the given chance once due, and sometimes early; otherwise not done, and overdue once past.</summary>
    private DateOnly? DoneOn(DateOnly created, DateOnly byWhen, double chanceWhenDue)
    {
        if (byWhen < today ? random.Chance(chanceWhenDue) : random.Chance(0.15))
        {
            var latest = DemoRandom.Min(byWhen.AddDays(7), today);
            var earliest = DemoRandom.Max(created, DemoRandom.Min(byWhen.AddDays(-20), latest));
            return DemoRandom.Min(DemoDates.SchoolDay(random, DemoRandom.Min(earliest, latest), latest), today);
        }

        return null;
    }

    private void AddMeetings(
        Transition transition, DemoCandidate c, DemoVoice voice, DemoSchool? destination, TransitionStage stage,
        DateOnly from, DateOnly workEnd, DemoPerson recorder)
    {
        // Held, planned for the coming weeks, and planned but already past (waiting to be recorded).
        var (held, planned, toRecord) = stage switch
        {
            TransitionStage.Confirmed => (0, random.Chance(0.4) ? 1 : 0, 0),
            TransitionStage.ProfileInProgress => (random.Chance(0.7) ? 1 : 0, random.Chance(0.5) ? 1 : 0, random.Chance(0.1) ? 1 : 0),
            TransitionStage.ProfileComplete => (random.Number(1, 2), random.Chance(0.3) ? 1 : 0, 0),
            TransitionStage.Shared or TransitionStage.Acknowledged => random.Double() switch
            {
                < 0.35 => (2, 1, 0),
                < 0.55 => (3, 0, 0),
                _ => (2, 0, 0),
            },
            TransitionStage.InYear7 or TransitionStage.FollowedUp => (random.Chance(0.7) ? 3 : 2, 0, 0),
            _ => (0, 0, 0),
        };

        if (c.Year == 5)
        {
            held = Math.Min(held, 1);
        }

        // Held meetings need room between the decision and today (or the end of Year 6).
        var heldFrom = from.AddDays(10);
        var heldTo = c.HasMoved ? workEnd : today.AddDays(-1);
        if (heldTo < heldFrom)
        {
            held = 0;
            toRecord = 0;
        }

        var cancelled = held > 0 && held + planned + toRecord < PcpMeetings.MaxPerChild && random.Chance(0.12) ? 1 : 0;
        var dates = Enumerable.Range(0, held + cancelled).Select(_ => DemoDates.SchoolDay(random, heldFrom, heldTo)).Order().ToList();
        var index = 0;
        var cancelledAt = cancelled == 1 ? random.Number(0, dates.Count - 1) : -1;
        foreach (var date in dates)
        {
            var isCancelled = index == cancelledAt;
            AddMeeting(transition, c, voice, destination, date, isCancelled ? MeetingStatus.Cancelled : MeetingStatus.Held, index, from, recorder);
            index++;
        }

        if (toRecord == 1)
        {
            var date = Clamp(DemoDates.SchoolDay(random, today.AddDays(-10), today.AddDays(-1)), from, today);
            AddMeeting(transition, c, voice, destination, date, MeetingStatus.Planned, index++, from, recorder);
        }

        if (planned == 1 && !c.HasMoved)
        {
            var date = DemoDates.SchoolDay(random, today.AddDays(4), today.AddDays(45));
            AddMeeting(transition, c, voice, destination, date, MeetingStatus.Planned, index, from, recorder);
        }
    }

    private void AddMeeting(
        Transition transition, DemoCandidate c, DemoVoice voice, DemoSchool? destination, DateOnly date, MeetingStatus status, int index,
        DateOnly from, DemoPerson recorder)
    {
        var created = Clamp(date.AddDays(-random.Number(7, 21)), from, DemoRandom.Min(date, today));
        var secondaryInvited = destination is not null && (index >= 1 || c.HasMoved);
        var meeting = new PcpMeeting
        {
            TransitionId = transition.Id,
            Date = date,
            StartTime = random.Pick(MeetingTimes),
            Venue = secondaryInvited && index == 2 ? $"{destination!.Entity.Name}, pastoral office" : voice.Fill(random.Pick(DemoTransitionText.Venues)),
            Status = status,
            CreatedByUserId = recorder.Id,
            CreatedAtUtc = DemoProgramme.At(created, 9, random.Number(0, 59)),
        };

        var held = status == MeetingStatus.Held;
        void Invite(MeetingRole role, string name, double attended, double delegated, double written, Func<string>? delegateName = null)
        {
            var attendance = MeetingAttendance.NotRecorded;
            string? delegateTo = null;
            if (held)
            {
                var roll = random.Double();
                attendance = roll < attended ? MeetingAttendance.Attended
                    : roll < attended + delegated && delegateName is not null ? MeetingAttendance.SentDelegate
                    : roll < attended + delegated + written ? MeetingAttendance.SentWrittenUpdate
                    : MeetingAttendance.DidNotAttend;
                delegateTo = attendance == MeetingAttendance.SentDelegate ? delegateName!() : null;
            }

            Leaves.Invitees.Add((meeting, new PcpInvitee { Role = role, Name = name, Attendance = attendance, DelegateName = delegateTo }));
        }

        // Who comes: the pilot found social workers and secondary staff came least.
        Invite(MeetingRole.ParentCarer, voice.Parent, 0.78, 0.05, 0.03, () => random.Bool() ? "Grandmother" : "Aunt");
        Invite(MeetingRole.Pupil, $"{c.Forename} {c.Surname}", 0.66, 0, 0.2);
        Invite(MeetingRole.SocialWorker, c.SocialWorker, 0.4, 0.15, 0.25, () => $"{Adult()}, social work assistant");
        Invite(MeetingRole.PrimaryStaff, voice.Lead, 0.93, 0.03, 0.02, () => "Deputy headteacher");
        if (random.Chance(0.4))
        {
            Invite(MeetingRole.PrimaryStaff, $"{Adult()}, SENCo", 0.75, 0, 0.15);
        }

        if (secondaryInvited)
        {
            var name = destination == schools.FirstSecondary ? $"{staff.SecondaryLead.Name}, Transition Lead" : $"{Adult()}, Head of Year 7";
            Invite(MeetingRole.SecondaryStaff, name, 0.3, 0.1, 0.2, () => $"{Adult()}, learning mentor");
        }

        if (random.Chance(0.3))
        {
            Invite(MeetingRole.Other, $"{Adult()}, {random.Pick(DemoTransitionText.OtherInvitees)}", 0.55, 0, 0.25);
        }

        if (status == MeetingStatus.Cancelled)
        {
            meeting.CancelledReason = DemoTransitionText.Pick(random, DemoTransitionText.CancelledReasons, voice);
        }
        else if (held)
        {
            meeting.WhatsWorking = DemoTransitionText.PickSome(random, DemoTransitionText.WhatsWorking, voice);
            meeting.WhatsNotWorking = DemoTransitionText.PickSome(random, DemoTransitionText.WhatsNotWorking, voice);
            meeting.ImportantToChild = DemoTransitionText.Pick(random, DemoTransitionText.ImportantToChild, voice);
            meeting.ImportantForChild = DemoTransitionText.PickSome(random, DemoTransitionText.ImportantForChild, voice);
            meeting.QuestionsToAnswer = random.Chance(0.7) ? DemoTransitionText.Pick(random, DemoTransitionText.QuestionsToAnswer, voice) : null;
            var recordedOn = DemoRandom.Min(date.AddDays(random.Number(0, 3)), today);
            meeting.RecordedByUserId = recorder.Id;
            meeting.RecordedAtUtc = DemoProgramme.At(recordedOn, 16, random.Number(0, 59));

            foreach (var (what, who) in DemoTransitionText.MeetingActions.OrderBy(_ => random.Double()).Take(random.Number(1, 3)))
            {
                var byWhen = DemoDates.SchoolDay(random, date.AddDays(7), date.AddDays(35));
                Leaves.Actions.Add((meeting, new PcpAction
                {
                    What = voice.Fill(what),
                    Who = voice.Fill(who),
                    ByWhen = byWhen,
                    DoneOn = DoneOn(date, byWhen, c.HasMoved ? 0.9 : 0.6),
                }));
            }
        }

        transition.Meetings.Add(meeting);
    }

    private void AddInterventions(
        WaymarkDbContext db, DemoCandidate c, DemoVoice voice, DemoSchool? destination, TransitionStage stage,
        DateOnly from, DateOnly workEnd, DemoPerson recorder)
    {
        if (stage is TransitionStage.Proposed or TransitionStage.Confirmed or TransitionStage.Removed)
        {
            return;
        }

        var count = random.Double() switch { < 0.45 => 0, < 0.85 => 1, _ => 2 };
        if (c.Year == 5)
        {
            count = Math.Min(count, 1);
        }

        var visitsPossible = destination is not null && c.Year != 5 && stage != TransitionStage.ProfileInProgress;
        var kinds = new WeightedTable<DemoInterventionKind>(
            [.. programme.Catalogue.Where(k => k.IsActive && (visitsPossible || k.Name != DemoProgramme.ExtraVisits)).Select(k => (k, k.Weight))]);
        var used = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var kind = kinds.Pick(random);
            if (!used.Add(kind.Name))
            {
                continue;
            }

            // Extra visits happen in the summer term of Year 6, once the place is known: still to come for this year's cohort.
            var start = kind.Name == DemoProgramme.ExtraVisits
                ? DemoDates.SchoolDay(random, new DateOnly(c.CohortYear + 1, 6, 3), new DateOnly(c.CohortYear + 1, 6, 12))
                : DemoRandom.Min(DemoDates.SchoolDay(random, from.AddDays(10), DemoRandom.Max(from.AddDays(10), workEnd)), today);
            var planned = random.Number(kind.MinSessions, kind.MaxSessions);
            var lastSession = start.AddDays((planned - 1) * kind.DaysBetweenSessions);
            var finished = lastSession < today.AddDays(-7);
            int attended;
            DateOnly? end = null;
            int? before = null;
            int? after = null;
            if (finished)
            {
                end = lastSession;
                attended = random.Chance(0.15) ? planned / 2 : Math.Max(0, planned - random.Number(0, 2));
                if (kind.OutcomeMeasure is not null)
                {
                    before = random.Number(kind.ScoreMax / 5, kind.ScoreMax * 3 / 5);
                    after = Math.Clamp(before.Value + random.Number(-1, kind.ScoreMax * 3 / 10), 0, kind.ScoreMax);
                }
            }
            else
            {
                var held = Math.Clamp(((today.DayNumber - start.DayNumber) / kind.DaysBetweenSessions) + 1, 0, planned);
                attended = Math.Max(0, held - random.Number(0, 1));
                before = kind.OutcomeMeasure is not null && random.Chance(0.7) ? random.Number(kind.ScoreMax / 5, kind.ScoreMax * 3 / 5) : null;
            }

            var errors = Interventions.ValidateEnrolment(start, end, planned, attended, before, after, today);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Demo enrolment is invalid: {string.Join("; ", errors.Select(e => e.Message))}");
            }

            db.InterventionEnrolments.Add(new InterventionEnrolment
            {
                ChildId = c.ChildId,
                InterventionId = kind.Id,
                Provider = kind.Provider ?? destination?.Entity.Name ?? "The secondary school",
                StartDate = start,
                EndDate = end,
                SessionsPlanned = planned,
                SessionsAttended = attended,
                ScoreBefore = before,
                ScoreAfter = after,
                Notes = random.Chance(0.3) ? voice.Fill(random.Pick(
                [
                    "{name} took part well and said the sessions helped.",
                    "Missed sessions when absent from school; the provider caught up where it could.",
                    "{parent} says {name} talks about the sessions at home.",
                ])) : null,
                CreatedByUserId = recorder.Id,
                CreatedAtUtc = DemoProgramme.At(DemoRandom.Min(start, today), 10, random.Number(0, 59)),
            });
        }
    }

    private void AddFollowUps(Transition transition, DemoCandidate c, DemoVoice voice, DemoSchool destination, DateOnly moveDate)
    {
        var recorder = destination == schools.FirstSecondary ? staff.SecondaryLead : staff.Officer;
        var year6Attendance = Math.Round((decimal)random.Double(86, 99.5), 1);
        var flagged = c.Flag switch
        {
            DemoFlag.Attendance or DemoFlag.Suspension => c.Flag,
            _ => random.Double() switch
            {
                < 0.18 => DemoFlag.Attendance,
                < 0.28 => DemoFlag.Suspension,
                _ => (DemoFlag?)null,
            },
        };

        var sixWeeksDue = FollowUps.DueDate(FollowUpKind.SixWeeks, moveDate);
        var endOfTermDue = FollowUps.DueDate(FollowUpKind.EndOfFirstTerm, moveDate);
        var suspensions = 0;
        if (today >= sixWeeksDue.AddDays(-3) && (c.Stage == TransitionStage.FollowedUp || c.Flag != DemoFlag.Random || random.Chance(0.85)))
        {
            var heldOn = Clamp(DemoDates.SchoolDay(random, sixWeeksDue.AddDays(-3), sixWeeksDue.AddDays(7)), moveDate, today);
            suspensions = flagged == DemoFlag.Suspension ? 1 : 0;
            AddReview(FollowUpKind.SixWeeks, heldOn, flagged);
        }

        if (c.Stage == TransitionStage.FollowedUp)
        {
            // Things change over the term: some flags clear, a few appear.
            DemoFlag? later = flagged is not null ? (random.Chance(0.7) ? flagged : null) : random.Chance(0.12) ? DemoFlag.Attendance : null;
            if (c.Flag == DemoFlag.Attendance)
            {
                later = DemoFlag.Attendance;
            }

            var heldOn = Clamp(DemoDates.SchoolDay(random, endOfTermDue.AddDays(-7), endOfTermDue), moveDate, today);
            suspensions += later == DemoFlag.Suspension ? random.Number(0, 1) : 0;
            if (later == DemoFlag.Suspension && suspensions == 0)
            {
                suspensions = 1;
            }

            AddReview(FollowUpKind.EndOfFirstTerm, heldOn, later);
        }

        void AddReview(FollowUpKind kind, DateOnly heldOn, DemoFlag? flag)
        {
            var year7 = flag == DemoFlag.Attendance
                ? Math.Round((decimal)random.Double(74, 89.8), 1)
                : Math.Round((decimal)random.Double(90.5, 99.5), 1);
            var flags = FollowUps.Flags(year7, suspensions);
            var concern = flags.Count > 0;
            var settling = concern
                ? new WeightedTable<SettlingIn>((SettlingIn.NotSettled, 15), (SettlingIn.Struggling, 50), (SettlingIn.Settling, 35)).Pick(random)
                : new WeightedTable<SettlingIn>((SettlingIn.Settling, 25), (SettlingIn.SettledWell, 50), (SettlingIn.Thriving, 25)).Pick(random);
            transition.FollowUps.Add(new FollowUpReview
            {
                Kind = kind,
                HeldOn = heldOn,
                SettlingIn = settling,
                Year6AttendancePercent = year6Attendance,
                Year7AttendancePercent = year7,
                Suspensions = suspensions,
                Notes = DemoTransitionText.Pick(random, concern ? DemoTransitionText.FollowUpNotesConcern : DemoTransitionText.FollowUpNotesGood, voice),
                NextSteps = DemoTransitionText.Pick(random, concern ? DemoTransitionText.NextStepsConcern : DemoTransitionText.NextStepsGood, voice),
                Flags = concern ? string.Join('\n', flags) : null,
                RecordedByUserId = recorder.Id,
                RecordedAtUtc = DemoProgramme.At(heldOn, 16, random.Number(0, 59)),
            });
        }
    }
}
