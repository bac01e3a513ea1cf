using Waymark.Domain.Transitions;

namespace Waymark.Domain.Tests.Transitions;

public class ProfileSectionsTests
{
    [Fact]
    public void Every_section_of_the_tool_is_defined_once_in_order()
    {
        Assert.Equal(Enum.GetValues<ProfileSection>(), ProfileSections.All.Select(d => d.Section));
        Assert.Equal(ProfileSections.All.Count, ProfileSections.All.Select(d => d.Slug).Distinct().Count());
        Assert.All(ProfileSections.All, d => Assert.Equal(d.Fields.Count, d.Fields.Select(f => f.Key).Distinct().Count()));
    }

    [Fact]
    public void Only_the_family_and_professionals_section_starts_restricted() =>
        Assert.Equal([ProfileSection.FamilyAndProfessionals],
            ProfileSections.All.Where(d => d.DefaultSharing == SharingLevel.Restricted).Select(d => d.Section));

    [Fact]
    public void About_me_is_in_the_childs_own_words() =>
        Assert.All(ProfileSections.Get(ProfileSection.AboutMe).Fields, f => Assert.True(f.ChildsVoice));

    [Fact]
    public void Slugs_find_their_section()
    {
        Assert.Equal(ProfileSection.SupportPlan, ProfileSections.FromSlug("support-plan")!.Section);
        Assert.Null(ProfileSections.FromSlug("About-Me"));
        Assert.Null(ProfileSections.FromSlug(null));
    }

    [Fact]
    public void A_section_in_progress_may_be_partly_answered()
    {
        var answers = new Dictionary<string, string?> { ["like-about-me"] = "Funny" };

        Assert.Empty(ProfileSections.Validate(ProfileSection.AboutMe, answers, SectionStatus.InProgress));
    }

    [Fact]
    public void A_completed_section_needs_every_answer_and_names_the_missing_ones()
    {
        var answers = new Dictionary<string, string?> { ["like-about-me"] = "Funny", ["important-to-me"] = "   " };

        var errors = ProfileSections.Validate(ProfileSection.AboutMe, answers, SectionStatus.Complete);

        Assert.Equal(["important-to-me", "support-me"], errors.Select(e => e.Field));
        Assert.Equal("Answer ‘How best to support me’, or mark the section as in progress", errors[1].Message);
    }

    [Fact]
    public void Answers_have_a_length_limit_at_exactly_4000_characters()
    {
        var ok = new Dictionary<string, string?> { ["worked"] = new string('a', 4000) };
        var tooLong = new Dictionary<string, string?> { ["worked"] = new string('a', 4001) };

        Assert.Empty(ProfileSections.Validate(ProfileSection.WhatHasWorked, ok, SectionStatus.InProgress));
        Assert.Equal("What has worked must be 4,000 characters or fewer",
            Assert.Single(ProfileSections.Validate(ProfileSection.WhatHasWorked, tooLong, SectionStatus.InProgress)).Message);
    }
}
