using Bogus;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Domain.Schools;

namespace Waymark.Data.Demo;

internal enum DemoSchoolKind
{
    Primary,
    Secondary,
    Special,
    AlternativeProvision,
}

/// <summary>A demo school with what the generator needs to know that the entity does not hold.</summary>
internal sealed class DemoSchool
{
    public required School Entity { get; init; }

    /// <summary>Position in <see cref="DemoSchools.All"/>.</summary>
    public int Index { get; init; }

    public DemoSchoolKind Kind { get; init; }

    /// <summary>Secondaries only: whether the school teaches Years 12 and 13.</summary>
    public bool HasSixthForm { get; init; }

    /// <summary>Relative size of a year group (forms of entry).</summary>
    public double Size { get; init; }

    /// <summary>Postcode district (EM1, EM2, …) the school mostly serves.</summary>
    public int District { get; init; }

    /// <summary>For a closed school, the last day it was open.</summary>
    public DateOnly? ClosedOn { get; init; }

    /// <summary>An open primary that took in the pupils of a closed one.</summary>
    public DemoSchool? ClosedPredecessor { get; set; }

    public int EstablishmentNumber => Entity.EstablishmentNumber;
}

/// <summary>The fictional schools of Eastmoor, planned before anything is written.</summary>
internal sealed class DemoSchools
{
    private DemoSchools(List<DemoSchool> all)
    {
        All = all;
        var open = all.Where(s => s.Entity.IsOpen).ToList();
        Primaries = Table(open.Where(s => s.Kind == DemoSchoolKind.Primary));
        Secondaries = Table(open.Where(s => s.Kind == DemoSchoolKind.Secondary));
        SixthForms = Table(open.Where(s => s.Kind == DemoSchoolKind.Secondary && s.HasSixthForm));
        Specials = Table(open.Where(s => s.Kind == DemoSchoolKind.Special));
        AlternativeProvision = Table(open.Where(s => s.Kind == DemoSchoolKind.AlternativeProvision));
        FirstPrimary = open.First(s => s.Kind == DemoSchoolKind.Primary);
        FirstSecondary = open.First(s => s.Kind == DemoSchoolKind.Secondary);
        PrimaryList = [.. open.Where(s => s.Kind == DemoSchoolKind.Primary)];
        SecondaryList = [.. open.Where(s => s.Kind == DemoSchoolKind.Secondary)];
    }

    public IReadOnlyList<DemoSchool> All { get; }

    public IReadOnlyList<DemoSchool> PrimaryList { get; }

    public IReadOnlyList<DemoSchool> SecondaryList { get; }

    public WeightedTable<DemoSchool> Primaries { get; }

    public WeightedTable<DemoSchool> Secondaries { get; }

    public WeightedTable<DemoSchool> SixthForms { get; }

    public WeightedTable<DemoSchool> Specials { get; }

    public WeightedTable<DemoSchool> AlternativeProvision { get; }

    /// <summary>Where the demo school staff accounts work.</summary>
    public DemoSchool FirstPrimary { get; }

    public DemoSchool FirstSecondary { get; }

    /// <summary>About 30 schools for 6,000 pupils, one per 200 pupils beyond that (capped so DfE number ranges suffice).</summary>
    public static int CountFor(int pupils) => Math.Clamp(pupils / 200, 30, 1500);

    private static WeightedTable<DemoSchool> Table(IEnumerable<DemoSchool> schools) =>
        new([.. schools.Select(s => (s, s.Size))]);

    private enum NumberRange
    {
        CommunityPrimary,
        VoluntaryPrimary,
        Secondary,
        Special,
        PupilReferralUnit,
    }

    private sealed record Draft(
        DemoSchoolKind Kind,
        string Name,
        string Type,
        NumberRange Range,
        double Size,
        bool HasSixthForm,
        bool IsOpen);

    public static DemoSchools Plan(int pupils, int laCode, AcademicYear currentYear, Randomizer random)
    {
        var total = CountFor(pupils);
        var special = Math.Max(1, (int)Math.Round(total * 0.035));
        var alternative = Math.Max(1, (int)Math.Round(total * 0.017));
        var closed = 2;
        var secondary = Math.Max(2, (int)Math.Round(total * 0.20));
        var primary = total - special - alternative - closed - secondary;

        var names = new SchoolNamer(random);
        var drafts = new List<Draft>(total)
        {
            new(DemoSchoolKind.Primary, "St Aidan's CE Primary School", "Voluntary controlled school",
                NumberRange.VoluntaryPrimary, 2, false, true),
        };
        for (var i = 1; i < primary; i++)
        {
            var type = PrimaryTypes.Pick(random);
            drafts.Add(new(DemoSchoolKind.Primary, names.Primary(type), type,
                type.StartsWith("Voluntary", StringComparison.Ordinal) ? NumberRange.VoluntaryPrimary : NumberRange.CommunityPrimary,
                PrimarySizes.Pick(random), false, true));
        }

        drafts.Add(new(DemoSchoolKind.Secondary, names.Reserve("Eastmoor Academy"), "Academy converter",
            NumberRange.Secondary, 8, true, true));
        for (var i = 1; i < secondary; i++)
        {
            var type = SecondaryTypes.Pick(random);
            // The second secondary never has a sixth form, so both kinds always exist.
            var sixthForm = i != 1 && random.Chance(0.55);
            drafts.Add(new(DemoSchoolKind.Secondary, names.Secondary(type), type, NumberRange.Secondary,
                SecondarySizes.Pick(random), sixthForm, true));
        }

        for (var i = 0; i < special; i++)
        {
            var type = i == 0 ? "Community special school" : SpecialTypes.Pick(random);
            drafts.Add(new(DemoSchoolKind.Special, i == 0 ? names.Reserve("Brackenhurst School") : names.Special(type),
                type, NumberRange.Special, 1, false, true));
        }

        for (var i = 0; i < alternative; i++)
        {
            drafts.Add(new(DemoSchoolKind.AlternativeProvision,
                i == 0 ? names.Reserve("Eastmoor Pupil Referral Unit") : names.AlternativeProvision(),
                "Pupil referral unit", NumberRange.PupilReferralUnit, 1, false, true));
        }

        for (var i = 0; i < closed; i++)
        {
            drafts.Add(new(DemoSchoolKind.Primary, names.Primary("Community school"), "Community school",
                NumberRange.CommunityPrimary, 1, false, false));
        }

        var numbers = AllocateNumbers(drafts, random);
        var urns = new HashSet<int>();
        var schools = new List<DemoSchool>(drafts.Count);
        var closedIndex = 0;
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            var academy = d.Type.StartsWith("Academy", StringComparison.Ordinal) || d.Type == "Free schools";
            int urn;
            do
            {
                urn = academy ? random.Number(136000, 149999) : random.Number(100000, 125999);
            }
            while (!urns.Add(urn));

            DateOnly? closedOn = null;
            if (!d.IsOpen)
            {
                // Closed at the end of an academic year a few years ago; the pupils moved to another primary.
                closedOn = new DateOnly(currentYear.StartYear - 2 - (closedIndex % 6), 8, 31);
                closedIndex++;
            }

            schools.Add(new DemoSchool
            {
                Entity = new School
                {
                    Urn = urn,
                    LaCode = laCode,
                    EstablishmentNumber = numbers[i],
                    Name = d.Name,
                    Phase = d.Kind switch
                    {
                        DemoSchoolKind.Primary => SchoolPhase.Primary,
                        DemoSchoolKind.Secondary => SchoolPhase.Secondary,
                        _ => SchoolPhase.NotApplicable,
                    },
                    Type = d.Type,
                    Status = d.IsOpen ? SchoolStatus.Open : SchoolStatus.Closed,
                    CloseDate = closedOn,
                },
                Index = i,
                Kind = d.Kind,
                HasSixthForm = d.HasSixthForm,
                Size = d.Size,
                District = 1 + (i % DemoNames.PostcodeDistricts),
                ClosedOn = closedOn,
            });
        }

        // Each closed school hands its pupils to a different open primary (never the first one,
        // whose roll the demo staff accounts look at).
        var successors = schools.Where(s => s.Kind == DemoSchoolKind.Primary && s.Entity.IsOpen).Skip(1).ToList();
        foreach (var school in schools.Where(s => !s.Entity.IsOpen))
        {
            if (successors.Count == 0)
            {
                break;
            }

            var successor = successors[random.Number(0, successors.Count - 1)];
            successors.Remove(successor);
            successor.ClosedPredecessor = school;

            // As GIAS records a merger, each way; the closed school's pupils moved to the successor the next day.
            var merged = school.ClosedOn!.Value;
            school.Entity.Links.Add(new SchoolLink
            {
                LinkedUrn = successor.Entity.Urn, LinkedName = successor.Entity.Name, LinkType = "Successor - merged", EstablishedOn = merged,
            });
            successor.Entity.Links.Add(new SchoolLink
            {
                LinkedUrn = school.Entity.Urn, LinkedName = school.Entity.Name, LinkType = "Predecessor - merged", EstablishedOn = merged.AddDays(1),
            });
        }

        return new DemoSchools(schools);
    }

    /// <summary>DfE convention: 2xxx primary (3xxx voluntary primary), 4xxx secondary, 7xxx special, 11xx PRU.</summary>
    private static int[] AllocateNumbers(List<Draft> drafts, Randomizer random)
    {
        var result = new int[drafts.Count];
        foreach (var group in drafts.Select((d, i) => (d.Range, i)).GroupBy(x => x.Range))
        {
            var (low, high) = group.Key switch
            {
                NumberRange.CommunityPrimary => (2000, 2999),
                NumberRange.VoluntaryPrimary => (3000, 3999),
                NumberRange.Secondary => (4000, 4999),
                NumberRange.Special => (7000, 7999),
                _ => (1100, 1199),
            };
            var indexes = group.Select(x => x.i).ToList();
            var size = high - low + 1;
            if (indexes.Count > size)
            {
                throw new InvalidOperationException($"Too many demo schools for establishment numbers {low}-{high}.");
            }

            // Spread over a realistic stretch of the range rather than numbering 1, 2, 3.
            var span = Math.Min(size, Math.Max(60, indexes.Count * 5));
            var chosen = new HashSet<int>();
            while (chosen.Count < indexes.Count)
            {
                chosen.Add(random.Number(low, low + span - 1));
            }

            var ordered = chosen.Order().ToArray();
            for (var k = 0; k < indexes.Count; k++)
            {
                result[indexes[k]] = ordered[k];
            }
        }

        return result;
    }

    private static readonly WeightedTable<string> PrimaryTypes = new(
        ("Community school", 36), ("Academy converter", 25), ("Academy sponsor led", 6),
        ("Voluntary aided school", 14), ("Voluntary controlled school", 13), ("Foundation school", 4),
        ("Free schools", 2));

    private static readonly WeightedTable<string> SecondaryTypes = new(
        ("Academy converter", 45), ("Academy sponsor led", 20), ("Community school", 13),
        ("Voluntary aided school", 10), ("Foundation school", 7), ("Free schools", 5));

    private static readonly WeightedTable<string> SpecialTypes = new(
        ("Community special school", 50), ("Academy special converter", 30), ("Foundation special school", 20));

    private static readonly WeightedTable<double> PrimarySizes = new((0.5, 10), (1, 40), (1.5, 15), (2, 25), (3, 10));

    private static readonly WeightedTable<double> SecondarySizes = new((4, 10), (6, 30), (8, 35), (10, 20), (12, 5));

    /// <summary>Invents unique, English-looking school names.</summary>
    private sealed class SchoolNamer(Randomizer random)
    {
        private static readonly string[] Places =
        [
            "Millbrook", "Hollin Bank", "Ashby Green", "Kingsmead", "Thornleigh", "Fenwick", "Oakfield", "Westgate",
            "Northcote", "Lowther", "Hartley", "Ravensworth", "Stanhope", "Whitburn", "Coldwell", "Harrowby",
            "Lindale", "Marsden", "Newfield", "Ryecroft", "Sandbeck", "Ellerby", "Moorside", "Highfield",
            "Brookside", "Larkhill", "Redbrook", "Copley", "Greystones", "Hawthorn Hill", "Windle", "Birkby",
            "Swallow Hill", "Crossgate", "Fairburn", "Holmfield", "Kirkdale", "Netherby", "Pennington",
            "Quarry Bank", "Rushton", "Tanfield", "Underhill", "Wheatley", "Yewdale", "Elmswell", "Foxhollies",
        ];

        private static readonly string[] Stems =
        [
            "Ash", "Bar", "Black", "Bram", "Brook", "Carl", "Cold", "Dun", "Elm", "Fen", "Fern", "Hal", "Hart",
            "Hay", "High", "Hol", "King", "Lang", "Lea", "Long", "Low", "Mar", "Mill", "Moor", "New", "North",
            "Oak", "Red", "Ridge", "Sand", "Shel", "South", "Stan", "Stock", "Thorn", "West", "Whit", "Wil", "Wood",
        ];

        private static readonly string[] Endings =
        [
            "bury", "by", "cliffe", "cote", "dale", "don", "field", "ford", "gate", "ham", "hurst", "ley", "mead",
            "mere", "ton", "thorpe", "wick", "worth", "well", "stead", "holme",
        ];

        private static readonly string[] Features = ["Park", "Lane", "Road", "Green", "Hill", "Meadows", "Vale"];

        private static readonly string[] Saints =
        [
            "Aidan", "Hilda", "Cuthbert", "Mary", "Joseph", "Peter", "Paul", "John", "Michael", "Anne", "Bede",
            "Oswald", "Chad", "Wilfrid", "Margaret", "Thomas", "Andrew", "Patrick", "Bernadette", "Teresa",
            "Augustine", "Edmund", "George", "Luke", "Mark", "Matthew", "James", "Catherine", "Lawrence",
            "Nicholas", "Francis", "Anselm", "Benedict", "Alban", "Columba", "Helen", "Barnabas", "Stephen",
            "Giles", "Martin", "Bartholomew", "Wulstan", "Hugh", "Werburgh",
        ];

        private static readonly string[] CatholicDedications =
        [
            "Sacred Heart", "Holy Family", "Our Lady of Lourdes", "Corpus Christi", "Our Lady Queen of Peace",
            "Holy Cross", "English Martyrs", "St Thomas More", "Blessed Sacrament", "Christ the King",
        ];

        private static readonly string[] ChurchDedications = ["Christ Church", "Holy Trinity", "All Saints", "St Saviour's"];

        private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);
        private int _nextPlace;

        public string Reserve(string name)
        {
            _used.Add(name);
            return name;
        }

        private string Place()
        {
            // The hand-picked places first, then invented ones.
            if (_nextPlace < Places.Length)
            {
                return Places[_nextPlace++];
            }

            return random.Pick(Stems) + random.Pick(Endings);
        }

        /// <summary>"Oakfield Park", but never "Hawthorn Hill Hill": places of two words stay as they are.</summary>
        private string PlaceWithFeature()
        {
            var place = Place();
            return place.Contains(' ', StringComparison.Ordinal) ? place : $"{place} {random.Pick(Features)}";
        }

        private string Saint() => "St " + random.Pick(Saints) + "'s";

        private string Unique(Func<string> make)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var name = make();
                if (_used.Add(name))
                {
                    return name;
                }
            }

            // Very large runs: qualify a repeated name by its place, as real schools do.
            while (true)
            {
                var name = $"{make()}, {Place()}";
                if (_used.Add(name))
                {
                    return name;
                }
            }
        }

        public string Primary(string type) => Unique(() => type switch
        {
            "Voluntary aided school" => random.Number(0, 3) switch
            {
                0 => $"{random.Pick(CatholicDedications)} Catholic Primary School",
                1 => $"{Saint()} CE (Aided) Primary School",
                _ => $"{Saint()} Catholic Primary School",
            },
            "Voluntary controlled school" => random.Number(0, 3) switch
            {
                0 => $"{random.Pick(ChurchDedications)} CE Primary School",
                1 => $"{Place()} CE Primary School",
                _ => $"{Saint()} CE Primary School",
            },
            "Academy converter" or "Academy sponsor led" or "Free schools" => random.Number(0, 2) switch
            {
                0 => $"{Place()} Primary Academy",
                1 => $"{PlaceWithFeature()} Academy",
                _ => $"{Place()} Primary School",
            },
            _ => random.Number(0, 3) switch
            {
                0 => $"{Place()} Community Primary School",
                1 => $"{PlaceWithFeature()} Primary School",
                _ => $"{Place()} Primary School",
            },
        });

        public string Secondary(string type) => Unique(() => type switch
        {
            "Voluntary aided school" => random.Bool()
                ? $"{Saint()} Catholic High School"
                : $"{random.Pick(CatholicDedications)} Catholic College",
            "Academy converter" or "Academy sponsor led" or "Free schools" => random.Number(0, 2) switch
            {
                0 => $"{Place()} Academy",
                1 => $"The {Place()} School",
                _ => $"{Place()} High School",
            },
            _ => random.Number(0, 2) switch
            {
                0 => $"{Place()} Community College",
                1 => $"{Place()} School",
                _ => $"{Place()} High School",
            },
        });

        public string Special(string type) => Unique(() => type.StartsWith("Academy", StringComparison.Ordinal)
            ? $"{Place()} Academy"
            : random.Number(0, 2) switch
            {
                0 => $"{Place()} Park School",
                1 => $"{Place()} Hall School",
                _ => $"{Place()} School",
            });

        public string AlternativeProvision() => Unique(() => random.Bool()
            ? $"The {Place()} Centre"
            : $"{Place()} Short Stay School");
    }
}
