using System.Globalization;
using Bogus;
using Waymark.Domain.Children;

namespace Waymark.Data.Demo;

/// <summary>
/// Invented-but-plausible people for the demo: forenames and surnames in the mix found in English
/// schools, DfE ethnicity codes in roughly national proportions, first languages and postcodes in the
/// fictional "EM" postcode area (no such area exists).
/// </summary>
/// <remarks>
/// Bogus' en_GB locale has no British name lists (it falls back to American ones, without sex), so the
/// lists are kept here and drawn with the generator's seeded Bogus <see cref="Randomizer"/>.
/// </remarks>
internal static class DemoNames
{
    internal sealed record NamePool(string[] Girls, string[] Boys, string[] Surnames);

    private static readonly NamePool English = new(
        [
            "Olivia", "Amelia", "Isla", "Ava", "Ivy", "Freya", "Lily", "Florence", "Mia", "Willow", "Rosie", "Sophia",
            "Isabella", "Grace", "Daisy", "Sienna", "Poppy", "Elsie", "Emily", "Ella", "Evelyn", "Phoebe", "Sofia",
            "Evie", "Charlotte", "Harper", "Millie", "Matilda", "Ruby", "Alice", "Chloe", "Jessica", "Holly", "Lucy",
            "Megan", "Ellie", "Erin", "Maisie", "Lola", "Hannah", "Eleanor", "Scarlett", "Layla", "Imogen", "Molly",
            "Esme", "Harriet", "Katie", "Amber", "Jasmine", "Bethany", "Leah", "Abigail", "Elizabeth", "Rebecca",
            "Lauren", "Georgia", "Summer", "Darcie", "Violet", "Aria", "Thea", "Maya", "Orla", "Nancy", "Bonnie",
            "Edith", "Iris", "Hallie", "Beatrice", "Robyn", "Kayleigh", "Courtney", "Paige", "Shannon", "Tilly",
        ],
        [
            "Noah", "Oliver", "George", "Arthur", "Leo", "Harry", "Oscar", "Archie", "Henry", "Theodore", "Freddie",
            "Jack", "Charlie", "Theo", "Alfie", "Jacob", "Thomas", "Finley", "Arlo", "William", "Lucas", "Roman",
            "Tommy", "Isaac", "Teddy", "Alexander", "Luca", "Edward", "James", "Joshua", "Albie", "Elijah", "Max",
            "Mason", "Reuben", "Samuel", "Ethan", "Logan", "Dylan", "Harrison", "Jenson", "Louie", "Riley", "Tyler",
            "Callum", "Connor", "Kian", "Lewis", "Liam", "Daniel", "Joseph", "Benjamin", "Jake", "Ryan", "Kai",
            "Toby", "Sebastian", "Ronnie", "Frankie", "Harley", "Bobby", "Stanley", "Matthew", "Nathan", "Jayden",
            "Kyle", "Bradley", "Owen", "Rory", "Hugo", "Frederick", "Christopher", "Nicholas", "Jonathan", "Ellis",
        ],
        [
            "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
            "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Harris",
            "Lewis", "Martin", "Cooper", "King", "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips",
            "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook",
            "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards",
            "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Wilkinson", "Foster", "Chapman", "Powell", "Webb",
            "Rogers", "Gray", "Mason", "Hunt", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes",
            "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon",
            "Harvey", "Graham", "Pearson", "Fletcher", "Walsh", "Gibson", "Howard", "Andrews", "Stewart", "Elliott",
            "Reynolds", "Saunders", "Payne", "Fox", "Ford", "Pearce", "Day", "Brooks", "West", "Lawrence", "Cole",
            "Atkinson", "Bradley", "Spencer", "Dawson", "Ball", "Burton", "Watts", "Rose", "Booth", "Perry", "Grant",
            "Wells", "Armstrong", "Francis", "Rees", "Hayes", "Hart", "Hudson", "Newman", "Barrett", "Webster",
            "Hunter", "Gregory", "Carr", "Lowe", "Page", "Marsh", "Riley", "Dunn", "Woods", "Parsons", "Berry",
            "Stone", "Reid", "Holland", "Hawkins", "Harding", "Porter", "Robertson", "Newton", "Oliver", "Reed",
            "Kennedy", "Williamson", "Bird", "Gardner", "Dean", "Lane", "Cooke", "Bates", "Henderson", "Parry",
            "Burgess", "Bishop", "Walton", "Burns", "Nicholson", "Shepherd", "Ross", "Cross", "Long", "Freeman",
            "Warren", "Nicholls", "Hamilton", "Sutton", "Yates", "Hodgson", "Robson", "Curtis", "Hopkins", "Harper",
            "Coleman", "Watkins", "Moss", "Chambers", "Griffin", "Sharp", "Hardy", "Wheeler", "Potter", "Osborne",
            "Johnston", "Gordon", "Wallace", "Jordan", "Hutchinson", "Thomas", "Hughes", "Edwards", "Turner", "Hill",
            "Moore", "Clark", "Lee", "Morris", "Ward", "Cartwright", "Hargreaves", "Whittaker", "Ashworth", "Pickering",
        ]);

    private static readonly NamePool Irish = new(
        ["Aoife", "Niamh", "Ciara", "Saoirse", "Siobhan", "Orla", "Roisin", "Caitlin", "Erin", "Grainne", "Sinead", "Maeve"],
        ["Sean", "Ciaran", "Patrick", "Conor", "Eoin", "Cian", "Darragh", "Oisin", "Declan", "Liam", "Ronan", "Padraig"],
        ["Murphy", "Kelly", "O'Brien", "Byrne", "Ryan", "O'Sullivan", "Walsh", "O'Connor", "Doyle", "McCarthy",
         "Gallagher", "Doherty", "Kennedy", "Lynch", "Quinn", "O'Neill", "Brennan", "Fitzgerald", "Nolan", "Flanagan"]);

    private static readonly NamePool Traveller = new(
        ["Bridget", "Mary", "Margaret", "Kathleen", "Nora", "Winnie", "Ellen", "Josie", "Helen", "Anne"],
        ["John", "Patrick", "Michael", "Martin", "Thomas", "James", "Francis", "Christopher", "Joseph", "Edward"],
        ["Ward", "McDonagh", "Connors", "Joyce", "Maughan", "Doran", "Delaney", "Cawley", "Stokes", "Collins", "Sherlock"]);

    private static readonly NamePool EasternEuropean = new(
        ["Maja", "Zuzanna", "Julia", "Hanna", "Lena", "Alicja", "Nikola", "Oliwia", "Ioana", "Andreea", "Maria",
         "Emilia", "Gabriela", "Viktoria", "Ieva", "Milena", "Natalia", "Karolina", "Antonia", "Elena", "Ana"],
        ["Jakub", "Szymon", "Filip", "Kacper", "Antoni", "Mateusz", "Andrei", "David", "Matei", "Gabriel", "Lukas",
         "Tomas", "Dominik", "Adrian", "Bartosz", "Mihai", "Nikolai", "Aleksander", "Marek", "Daniel", "Stefan"],
        ["Nowak", "Wozniak", "Mazur", "Krawczyk", "Wójcik", "Zielinski", "Popescu", "Ionescu", "Popa", "Radu",
         "Stan", "Dumitru", "Kazlauskas", "Petrauskas", "Silva", "Santos", "Ferreira", "Pereira", "Costa",
         "Oliveira", "Horvath", "Novak", "Kovac", "Berzins", "Georgiev", "Dimitrov", "Nagy", "Szabo"]);

    private static readonly NamePool Roma = new(
        ["Nicoleta", "Bianca", "Denisa", "Roxana", "Alexandra", "Kristina", "Sabina", "Larisa", "Vanesa"],
        ["Denis", "Marian", "Florin", "Ionut", "Robert", "Patrik", "Mario", "Adrian", "Sorin"],
        ["Lakatos", "Balog", "Horvath", "Dudas", "Stoica", "Olah", "Kotlar", "Rafael", "Ciurar", "Sandor"]);

    private static readonly NamePool SouthAsianMuslim = new(
        ["Aisha", "Maryam", "Fatima", "Zara", "Hafsa", "Inaaya", "Hana", "Khadija", "Zainab", "Amna", "Safa",
         "Sumaiya", "Aleena", "Anaya", "Eshal", "Iqra", "Mariam", "Sana", "Ruqayyah", "Tasnim", "Nusrat"],
        ["Muhammad", "Mohammed", "Ibrahim", "Yusuf", "Ayaan", "Zayn", "Hamza", "Ali", "Musa", "Adam", "Zakariya",
         "Rayyan", "Abdullah", "Eesa", "Haris", "Bilal", "Umar", "Shayan", "Arham", "Rehan", "Tahmid", "Idris"],
        ["Khan", "Hussain", "Ahmed", "Ali", "Akhtar", "Iqbal", "Mahmood", "Rahman", "Uddin", "Miah", "Islam",
         "Chowdhury", "Shah", "Malik", "Raza", "Hassan", "Rashid", "Aslam", "Butt", "Mirza", "Ahmad", "Sheikh"]);

    private static readonly NamePool Indian = new(
        ["Priya", "Anaya", "Diya", "Saanvi", "Simran", "Jasleen", "Riya", "Navneet", "Anika", "Ishani", "Meera",
         "Kiran", "Harleen", "Aarna", "Shreya", "Tara"],
        ["Arjun", "Aarav", "Rohan", "Dev", "Krish", "Vihaan", "Aryan", "Harjot", "Gurveer", "Ishaan", "Jai",
         "Rishi", "Sahil", "Manveer", "Nikhil", "Kabir"],
        ["Patel", "Singh", "Sharma", "Gill", "Sandhu", "Mistry", "Parmar", "Chauhan", "Joshi", "Gupta", "Kumar",
         "Sidhu", "Mehta", "Dhillon", "Bains", "Lad", "Solanki", "Rana", "Nair", "Pillai"]);

    private static readonly NamePool BlackAfrican = new(
        ["Grace", "Favour", "Blessing", "Precious", "Esther", "Deborah", "Amara", "Adaeze", "Hodan", "Fartun",
         "Ifeoma", "Naomi", "Zainab", "Abena", "Ayomide", "Temitope", "Chiamaka", "Nana", "Ruth", "Hamdi"],
        ["David", "Daniel", "Joshua", "Emmanuel", "Samuel", "Tobi", "Chidi", "Kwame", "Abdi", "Mohamed", "Jayden",
         "Elijah", "Oluwaseun", "Kofi", "Tunde", "Chinedu", "Yusuf", "Michael", "Ibrahim", "Ebenezer"],
        ["Okafor", "Adeyemi", "Mensah", "Osei", "Okonkwo", "Adebayo", "Mohamed", "Abdi", "Hassan", "Nwosu",
         "Boateng", "Asante", "Owusu", "Eze", "Olawale", "Ogunleye", "Farah", "Ali", "Kamara", "Ndlovu", "Sesay"]);

    private static readonly NamePool Caribbean = new(
        ["Shanice", "Tiana", "Jade", "Keisha", "Aaliyah", "Nia", "Chantelle", "Imani", "Tanisha", "Kiara"],
        ["Marcus", "Tyrone", "Jermaine", "Malachi", "Andre", "Devon", "Kai", "Isaiah", "Reece", "Jaden"],
        ["Campbell", "Brown", "Williams", "Thomas", "Francis", "Grant", "Reid", "Johnson", "Clarke", "Samuels",
         "Henry", "Edwards", "Powell", "Gayle", "Bailey", "Morgan", "Dacres", "Forbes"]);

    private static readonly NamePool Chinese = new(
        ["Chloe", "Emily", "Mei", "Ling", "Jia", "Yi", "Xin", "Hannah", "Wing", "Yan"],
        ["Ethan", "Jason", "Wei", "Hao", "Jun", "Ryan", "Kevin", "Ming", "Tian", "Hei"],
        ["Chen", "Wong", "Li", "Zhang", "Wang", "Liu", "Lam", "Cheung", "Ng", "Chan", "Lee", "Yang", "Huang", "Tang"]);

    private static readonly NamePool MiddleEastern = new(
        ["Lina", "Sara", "Noor", "Yasmin", "Shirin", "Hiba", "Layan", "Dilan", "Rojin", "Zahra", "Mariam", "Hevin"],
        ["Omar", "Ahmad", "Yousef", "Karwan", "Amir", "Ali", "Hassan", "Mustafa", "Aras", "Reza", "Khalid", "Ahmed"],
        ["Ahmadi", "Mohammadi", "Rahimi", "Hassan", "Ibrahim", "Karimi", "Aziz", "Abdullah", "Saleh", "Hosseini",
         "Mahmoud", "Rostami", "Haidari", "Omer", "Yilmaz"]);

    /// <summary>One ethnicity: its share of pupils, where its names come from and its first languages.</summary>
    internal sealed record Ethnicity(
        string Code,
        double Share,
        NamePool Forenames,
        NamePool Surnames,
        NamePool? AlternativeSurnames,
        WeightedTable<string?> Languages);

    private static WeightedTable<string?> EnglishOnly { get; } = new(("English", 1.0));

    private static WeightedTable<string?> Languages(double english, params (string Language, double Weight)[] others)
    {
        var rest = 1.0 - english;
        var total = others.Sum(o => o.Weight);
        return new WeightedTable<string?>(
            [("English", english), .. others.Select(o => ((string?)o.Language, rest * o.Weight / total))]);
    }

    /// <summary>DfE main codes, roughly in the proportions of pupils in English state schools.</summary>
    internal static IReadOnlyList<Ethnicity> Ethnicities { get; } =
    [
        new("WBRI", 63.0, English, English, null, EnglishOnly),
        new("WIRI", 0.3, Irish, Irish, English, Languages(0.97, ("Irish", 1))),
        new("WIRT", 0.2, Traveller, Traveller, null, Languages(0.95, ("Shelta", 1))),
        new("WOTH", 7.5, EasternEuropean, EasternEuropean, null, Languages(0.3,
            ("Polish", 35), ("Romanian", 25), ("Lithuanian", 10), ("Portuguese", 10), ("Bulgarian", 6),
            ("Hungarian", 5), ("Latvian", 5), ("Slovak", 4))),
        new("WROM", 0.6, Roma, Roma, null, Languages(0.1, ("Romany/Gypsy", 40), ("Romanian", 35), ("Slovak", 25))),
        new("MWBC", 1.5, English, English, Caribbean, EnglishOnly),
        new("MWBA", 1.0, English, English, BlackAfrican, Languages(0.95, ("Yoruba", 1), ("Akan/Twi-Fante", 1))),
        new("MWAS", 1.8, English, English, SouthAsianMuslim, Languages(0.95, ("Urdu", 1), ("Punjabi", 1))),
        new("MOTH", 2.4, English, English, MiddleEastern, Languages(0.92, ("Arabic", 1), ("Spanish", 1), ("Portuguese", 1))),
        new("AIND", 3.6, Indian, Indian, null, Languages(0.4,
            ("Punjabi", 40), ("Gujarati", 35), ("Tamil", 10), ("Hindi", 10), ("Telugu", 5))),
        new("APKN", 4.6, SouthAsianMuslim, SouthAsianMuslim, null, Languages(0.3,
            ("Urdu", 55), ("Punjabi", 35), ("Pahari (Pakistan)", 10))),
        new("ABAN", 2.0, SouthAsianMuslim, SouthAsianMuslim, null, Languages(0.25, ("Bengali", 85), ("Sylheti", 15))),
        new("AOTH", 2.1, Indian, Indian, null, Languages(0.5,
            ("Tamil", 30), ("Nepali", 25), ("Malayalam", 25), ("Tagalog/Filipino", 20))),
        new("BCRB", 0.9, Caribbean, Caribbean, English, EnglishOnly),
        new("BAFR", 4.1, BlackAfrican, BlackAfrican, null, Languages(0.45,
            ("Somali", 25), ("Yoruba", 20), ("Arabic", 10), ("Akan/Twi-Fante", 10), ("Igbo", 10),
            ("Tigrinya", 10), ("French", 10), ("Swahili", 5))),
        new("BOTH", 0.8, Caribbean, BlackAfrican, Caribbean, EnglishOnly),
        new("CHNE", 0.5, Chinese, Chinese, null, Languages(0.4, ("Chinese (Cantonese)", 50), ("Chinese (Mandarin)", 50))),
        new("OOTH", 2.1, MiddleEastern, MiddleEastern, null, Languages(0.35,
            ("Arabic", 40), ("Kurdish", 20), ("Persian/Farsi", 15), ("Pashto", 15), ("Turkish", 10))),
        new("REFU", 0.6, English, English, null, new WeightedTable<string?>(("English", 0.9), (null, 0.1))),
        new("NOBT", 0.4, English, English, null, new WeightedTable<string?>(("English", 0.85), (null, 0.15))),
    ];

    internal static WeightedTable<Ethnicity> EthnicityTable { get; } =
        new([.. Ethnicities.Select(e => (e, e.Share))]);

    private static readonly Dictionary<string, string[]> Nicknames = new(StringComparer.Ordinal)
    {
        ["Alexander"] = ["Alex", "Xander"],
        ["William"] = ["Will", "Billy"],
        ["Thomas"] = ["Tom", "Tommy"],
        ["Elizabeth"] = ["Libby", "Beth", "Lizzie"],
        ["Charlotte"] = ["Lottie", "Charlie"],
        ["Samuel"] = ["Sam", "Sammy"],
        ["Joshua"] = ["Josh"],
        ["Benjamin"] = ["Ben", "Benji"],
        ["Matthew"] = ["Matt"],
        ["Daniel"] = ["Dan", "Danny"],
        ["Jacob"] = ["Jake"],
        ["Isabella"] = ["Bella", "Izzy"],
        ["Olivia"] = ["Liv", "Livvy"],
        ["Jessica"] = ["Jess"],
        ["Rebecca"] = ["Becky", "Becca"],
        ["Nicholas"] = ["Nick"],
        ["Christopher"] = ["Chris"],
        ["Jonathan"] = ["Jon", "Jonny"],
        ["Frederick"] = ["Freddie", "Fred"],
        ["Theodore"] = ["Teddy", "Theo"],
        ["Edward"] = ["Eddie", "Ted"],
        ["Harriet"] = ["Hattie"],
        ["Florence"] = ["Flo", "Florrie"],
        ["Eleanor"] = ["Ellie", "Nell"],
        ["Abigail"] = ["Abbie", "Abi"],
        ["Matilda"] = ["Tilly"],
        ["Katie"] = ["Kate"],
        ["Mohammed"] = ["Mo"],
        ["Muhammad"] = ["Mo"],
        ["Oluwaseun"] = ["Seun"],
        ["Ayomide"] = ["Ayo"],
        ["Aleksander"] = ["Olek"],
        ["Zuzanna"] = ["Zuzia"],
        ["Patrick"] = ["Paddy"],
        ["Michael"] = ["Mikey", "Mick"],
        ["Joseph"] = ["Joe", "Joey"],
        ["Gabriela"] = ["Gabi"],
        ["Natalia"] = ["Nat"],
        ["Emmanuel"] = ["Manny"],
    };

    public static string Forename(Randomizer random, NamePool pool, Sex sex) => sex switch
    {
        Sex.Female => random.Pick(pool.Girls),
        Sex.Male => random.Pick(pool.Boys),
        _ => random.Bool() ? random.Pick(pool.Girls) : random.Pick(pool.Boys),
    };

    public static string? Nickname(Randomizer random, string forename) =>
        Nicknames.TryGetValue(forename, out var options) ? random.Pick(options) : null;

    /// <summary>A forename for an adult (social workers and the like), from the whole mix.</summary>
    public static (string Forename, string Surname) Adult(Randomizer random)
    {
        var ethnicity = EthnicityTable.Pick(random);
        var sex = random.Chance(0.8) ? Sex.Female : Sex.Male; // children's social work is mostly women
        var forename = sex == Sex.Female
            ? random.Pick(AdultGirls(ethnicity.Forenames))
            : random.Pick(AdultBoys(ethnicity.Forenames));
        return (forename, random.Pick(ethnicity.Surnames.Surnames));
    }

    // Adults were named a generation earlier; English adults get names of their own era.
    private static string[] AdultGirls(NamePool pool) => ReferenceEquals(pool, English) ? AdultEnglishWomen : pool.Girls;

    private static string[] AdultBoys(NamePool pool) => ReferenceEquals(pool, English) ? AdultEnglishMen : pool.Boys;

    private static readonly string[] AdultEnglishWomen =
    [
        "Sarah", "Claire", "Emma", "Nicola", "Rachel", "Lisa", "Joanne", "Kerry", "Gemma", "Laura", "Louise",
        "Helen", "Rebecca", "Victoria", "Amy", "Stacey", "Hayley", "Natalie", "Karen", "Julie", "Michelle",
    ];

    private static readonly string[] AdultEnglishMen =
    [
        "Paul", "Mark", "Andrew", "Stephen", "Richard", "Craig", "Darren", "Lee", "Gareth", "Simon", "Neil",
        "Martin", "Ian", "Stuart", "Adam", "Carl", "Jason", "Wayne", "Dean", "Scott",
    ];

    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    public const int PostcodeDistricts = 12;

    /// <summary>A postcode in the fictional EM area, e.g. "EM4 7QT".</summary>
    public static string Postcode(Randomizer random, int district)
    {
        var sector = random.Number(1, 9);
        var a = InwardLetters[random.Number(0, InwardLetters.Length - 1)];
        var b = InwardLetters[random.Number(0, InwardLetters.Length - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"EM{district} {sector}{a}{b}");
    }
}
