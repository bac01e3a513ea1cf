using Waymark.Domain.People;

namespace Waymark.Domain.Transitions;

/// <summary>How the signed-in user stands to one child's transition, worked out from the data.</summary>
[Flags]
public enum TransitionRelationship
{
    None = 0,

    /// <summary>An LA-wide role.</summary>
    LocalAuthority = 1,

    /// <summary>The child's current social worker.</summary>
    SocialWorker = 2,

    /// <summary>Staff of the sending (primary) school while the child is on its roll.</summary>
    SendingSchool = 4,

    /// <summary>Staff of the destination school while a share to it is in force.</summary>
    ReceivingSchoolShared = 8,

    /// <summary>Staff of the destination school once the child is on its roll (Year 7).</summary>
    ReceivingSchoolOnRoll = 16,

    /// <summary>The LA's SEN team, for a child in the SEND cohort (reached from the phase-transfer list).</summary>
    SendTeam = 32,
}

/// <summary>What a user may see and do on one child's transition. Anything not granted is refused.</summary>
public sealed record TransitionRights(
    bool SeeShareable,
    bool SeeRestricted,
    bool SeePlanning,
    bool EditProfile,
    bool SetSharingLevel,
    bool EditPlanning,
    bool DecideCohort,
    bool SetDestination,
    bool RecordConsent,
    bool Acknowledge,
    bool SeeFollowUp,
    bool RecordFollowUp,
    bool SendCommonTransferFile)
{
    public static TransitionRights None { get; } = new(false, false, false, false, false, false, false, false, false, false, false, false, false);

    /// <summary>Any way in at all; without it the transition is answered as not found.</summary>
    public bool Any => SeeShareable || SeeFollowUp;

    public bool CanSee(SharingLevel level) => level == SharingLevel.Shareable ? SeeShareable : SeeRestricted;

    public bool CanEdit(SharingLevel level) => EditProfile && CanSee(level);
}

public static class TransitionAccess
{
    /// <summary>School staff who do transition work; an attendance lead may read but not write.</summary>
    private static bool SchoolEditor(Role role) => role is Role.TransitionLead or Role.Senco or Role.Headteacher;

    /// <summary>The receiving school's Transition Lead and SENCo are the people a passport is shared with.</summary>
    public static bool ReceivesShares(Role role) => role is Role.TransitionLead or Role.Senco;

    /// <summary>
    /// LA-wide roles see the programme as a whole; analysts get figures elsewhere, never names. The SEN team sees only
    /// its cohort's transitions, one child at a time (<see cref="TransitionRelationship.SendTeam"/>).
    /// </summary>
    public static bool CanSeeProgramme(Role role) => Roles.ScopeOf(role) == DataScope.LocalAuthority;

    /// <summary>Officers and administrators run the programme: cohort decisions, criteria, catalogue, training.</summary>
    public static bool CanManageProgramme(Role role) => role is Role.LaAdmin or Role.LaOfficer;

    public static TransitionRights For(Role role, TransitionRelationship relationship)
    {
        var rights = TransitionRights.None;
        if (relationship.HasFlag(TransitionRelationship.LocalAuthority) && Roles.ScopeOf(role) == DataScope.LocalAuthority)
        {
            var officer = role is Role.LaAdmin or Role.LaOfficer;
            rights = rights with
            {
                SeeShareable = true, SeeRestricted = true, SeePlanning = true, SeeFollowUp = true,
                EditProfile = true, SetSharingLevel = true, EditPlanning = true,
                DecideCohort = officer, SetDestination = officer, RecordConsent = officer, RecordFollowUp = officer,
                // The CTF is sent for the LA by those who decide for it, as for the school by its transition staff.
                SendCommonTransferFile = officer,
            };
        }

        if (relationship.HasFlag(TransitionRelationship.SendTeam) && role == Role.SenCaseOfficer)
        {
            // To amend the EHC plan for the move it reads the passport and plan; it edits them in the SEND pages, not here.
            rights = rights with { SeeShareable = true, SeeRestricted = true, SeePlanning = true, SeeFollowUp = true };
        }

        if (relationship.HasFlag(TransitionRelationship.SocialWorker) && role == Role.SocialWorker)
        {
            rights = rights with
            {
                SeeShareable = true, SeeRestricted = true, SeePlanning = true, SeeFollowUp = true,
                EditProfile = true, SetSharingLevel = true, EditPlanning = true, RecordConsent = true,
            };
        }

        if (relationship.HasFlag(TransitionRelationship.SendingSchool) && Roles.ScopeOf(role) == DataScope.School)
        {
            var editor = SchoolEditor(role);
            rights = rights with
            {
                SeeShareable = true, SeePlanning = true,
                EditProfile = rights.EditProfile || editor, EditPlanning = rights.EditPlanning || editor,
                SetDestination = rights.SetDestination || editor, RecordConsent = rights.RecordConsent || editor,
                SendCommonTransferFile = rights.SendCommonTransferFile || editor,
            };
        }

        if (relationship.HasFlag(TransitionRelationship.ReceivingSchoolShared) && ReceivesShares(role))
        {
            rights = rights with { SeeShareable = true, Acknowledge = true };
        }

        if (relationship.HasFlag(TransitionRelationship.ReceivingSchoolOnRoll) && Roles.ScopeOf(role) == DataScope.School)
        {
            rights = rights with { SeeFollowUp = true, RecordFollowUp = rights.RecordFollowUp || SchoolEditor(role) };
        }

        return rights;
    }
}
