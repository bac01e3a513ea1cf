namespace Waymark.Domain.QualityMark;

/// <summary>
/// The ten standards of the LA's inclusion quality mark, in its order (seed 002, L530–L541). The seed gives their names and,
/// for the first and ninth, what they include; the other descriptions are a short summary of what good looks like, for the
/// LA to rewrite in its own words on the standards page.
/// </summary>
public static class InitialStandards
{
    public static IReadOnlyList<(string Name, string Description)> All { get; } =
    [
        ("Welcoming school and ethos", "Includes access and environment: every child and family is welcomed, the buildings and routines are accessible, and the school's values put inclusion first."),
        ("Leadership and management", "Leaders and governors own inclusion: it is in the school's plans, budgets and staffing, and they check that it happens."),
        ("Behaviour and safeguarding", "Behaviour is managed with an understanding of children's needs; exclusion is a last resort; children are kept safe."),
        ("Curriculum and opportunities", "The curriculum and the wider life of the school (clubs, trips, responsibilities) are open to every child."),
        ("Social and emotional health and wellbeing", "Children's and staff's wellbeing is promoted, and needs are noticed early and met."),
        ("Teaching and learning", "Teaching is adapted so that every child can learn and make progress; staff are trained to do it."),
        ("Monitoring progress and attainment", "The progress of vulnerable groups is tracked and acted on, not just the whole school's."),
        ("Participation of students and young people", "Children and young people have a real say in their own support and in the life of the school."),
        ("Partnerships with stakeholders", "Families, governors and the community work with the school as partners."),
        ("Transition", "Moves into, through and out of the school are planned with children, families and the schools they come from and go to."),
    ];
}
