using System.Globalization;
using System.Text;
using Bogus;
using Waymark.Domain.Children;
using Waymark.Domain.Transitions;

namespace Waymark.Data.Demo;

/// <summary>Something a child enjoys, in the forms the profile needs it.</summary>
internal sealed record DemoInterest(string Love, string GoodAt, string Detail);

/// <summary>
/// What the demo writes about one child, so the answers of different sections agree with each other.
/// Templates use {name}, {his}, {him}, {His}, {love}, {goodat}, {detail}, {friend}, {dest}, {primary},
/// {sw}, {lead} and {parent}.
/// </summary>
internal sealed class DemoVoice
{
    public required string Name { get; init; }

    public required Sex Sex { get; init; }

    public required DemoInterest Interest { get; init; }

    public required string Friend { get; init; }

    public required string Primary { get; init; }

    /// <summary>The destination secondary, or "the secondary school" before one is known.</summary>
    public required string Destination { get; init; }

    public required string SocialWorker { get; init; }

    public required string Lead { get; init; }

    public required string Parent { get; init; }

    /// <summary>The template with its placeholders filled, starting with a capital letter.</summary>
    public string Fill(string template)
    {
        var (his, him) = Sex switch
        {
            Sex.Female => ("her", "her"),
            Sex.Male => ("his", "him"),
            _ => ("their", "them"),
        };
        var text = new StringBuilder(template)
            .Replace("{name}", Name)
            .Replace("{His}", char.ToUpperInvariant(his[0]) + his[1..])
            .Replace("{his}", his)
            .Replace("{him}", him)
            .Replace("{love}", Interest.Love)
            .Replace("{goodat}", Interest.GoodAt)
            .Replace("{detail}", Interest.Detail)
            .Replace("{friend}", Friend)
            .Replace("{dest}", Destination)
            .Replace("{primary}", Primary)
            .Replace("{sw}", SocialWorker)
            .Replace("{lead}", Lead)
            .Replace("{parent}", Parent)
            .ToString();
        return text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }
}

/// <summary>
/// The words of the demo transition programme: profile answers (the child's own words in the first
/// person where the profile asks for them), meeting notes, actions and reviews. All invented.
/// </summary>
internal static class DemoTransitionText
{
    public static IReadOnlyList<string> Friends { get; } =
    [
        "Ellie", "Jayden", "Amira", "Oscar", "Maisie", "Kai", "Ruby", "Alfie", "Zara", "Leo", "Freya", "Harvey",
        "Aisha", "Mason", "Poppy", "Tyler", "Hassan", "Lily", "Kacper", "Grace",
    ];

    public static IReadOnlyList<DemoInterest> Interests { get; } =
    [
        new("football", "football", "I play for Eastmoor Rovers under-11s on Saturdays."),
        new("drawing", "drawing", "I draw comics about my cat. He's called Sergeant."),
        new("Minecraft", "building things in Minecraft", "I built a whole castle with a moat and a secret tunnel."),
        new("dancing", "dancing", "I go to street dance club on Thursdays at the community centre."),
        new("baking", "baking", "I made the cake for my mum's birthday and it didn't sink."),
        new("swimming", "swimming", "I got my 400 metres badge last summer."),
        new("animals", "looking after animals", "We've got two rabbits and I feed them every day before school."),
        new("reading scary books", "reading", "I've read all the Goosebumps books in the library."),
        new("singing", "singing", "I'm in the school choir and we sang at the town hall."),
        new("gymnastics", "cartwheels and handstands", "I can do a back walkover now."),
        new("riding my BMX", "riding my bike", "I go to the skate park with my cousin when it's not raining."),
        new("science", "science", "I want to be a vet when I'm older."),
        new("cooking", "cooking", "I can make pasta bake on my own."),
        new("fishing", "fishing", "I go fishing with my grandad at the reservoir."),
        new("Lego", "building Lego", "I made a Lego city on my bedroom floor."),
        new("basketball", "shooting hoops", "I'm the tallest in my class so I always get picked."),
        new("drumming", "playing the drums", "I have lessons on Tuesdays and I'm learning a new song."),
        new("making videos", "editing videos", "I make videos of my dog doing tricks."),
    ];

    // About me: what people like about me, what is important to me, how best to support me.
    public static IReadOnlyList<string> LikeAboutMe { get; } =
    [
        "People say I'm funny and I make them laugh.",
        "My friends say I'm kind and I always share.",
        "Miss says I never give up, even when maths is hard.",
        "I'm good at looking after the little ones at break.",
        "My nan says I've got a big heart.",
        "I help tidy up without being asked.",
        "I'm a good friend. I stick up for people.",
        "People like that I'm honest, even when it gets me in trouble.",
        "I'm chatty and I say hello to everyone.",
        "My teacher says I ask really good questions.",
        "I'm brave. I read out in assembly in front of the whole school.",
        "I'm calm with animals and they like me.",
        "Everyone knows I'm the best at {goodat} in our class.",
        "I'm kind to new people because I know what it's like to be new.",
    ];

    public static IReadOnlyList<string> ImportantToMe { get; } =
    [
        "My mum and my little brother.",
        "Seeing my dad at weekends.",
        "My dog, Biscuit. He sleeps on my bed.",
        "Staying friends with {friend}, even if we go to different schools.",
        "{love}. {detail}",
        "My nan. I stay at hers on Fridays.",
        "Having my own space when I get home.",
        "That people tell me the truth about what's happening.",
        "Being with my friends at lunch.",
        "My bedroom and my stuff being safe.",
        "Knowing what's happening next.",
        "My little sister. I walk her to school.",
        "Going to {love} club every week. I don't want to stop.",
    ];

    public static IReadOnlyList<string> SupportMe { get; } =
    [
        "Tell me what's going to happen before it happens.",
        "Give me a minute when I get cross. Don't shout.",
        "Let me sit near the front so I can see the board.",
        "Check I've understood, because sometimes I say yes when I don't.",
        "Let me go somewhere quiet if it gets too loud.",
        "Say well done when I try hard, not just when I get it right.",
        "Don't make me read out loud in front of everyone.",
        "Give me a job to do. It helps me settle.",
        "Talk to me on my own, not in front of the class.",
        "Write things down for me because I forget.",
        "Let me have something to fiddle with.",
        "Have someone I can go to if I'm worried.",
        "Don't tell everyone about my family.",
    ];

    public static IReadOnlyList<string> GoodAt { get; } =
    [
        "I'm good at {goodat}.",
        "{goodat}, and making people laugh.",
        "I'm good at {goodat} and I'm getting better at times tables.",
        "I'm good at {goodat}. And I'm fast at running.",
        "{goodat}. My teacher says my handwriting is neat now too.",
        "I'm good at {goodat} and at helping people when they're sad.",
    ];

    public static IReadOnlyList<string> Enjoy { get; } =
    [
        "I love {love}. {detail}",
        "{love}, definitely. {detail}",
        "I really like {love}. {detail} I also like PE.",
        "{love} and watching films with my mum.",
        "I like {love} best. {detail}",
    ];

    public static IReadOnlyList<string> Worries { get; } =
    [
        "Getting lost because it's massive.",
        "That the big kids will pick on me.",
        "Not knowing anyone in my form.",
        "Getting detentions for forgetting things.",
        "Having loads of different teachers.",
        "The bus. I've never been on one on my own.",
        "Homework. My cousin says there's loads.",
        "That my friends won't want to be my friends any more.",
        "That people will find out about my family.",
        "Getting changed for PE in front of everyone.",
        "Being late and everyone looking at me.",
        "Lunch, because the canteen is noisy and I don't know what to get.",
    ];

    public static IReadOnlyList<string> LookingForward { get; } =
    [
        "Science labs and doing real experiments.",
        "Making new friends.",
        "The food. My cousin says the pizza is good.",
        "Doing {love} at after-school club.",
        "Having my own locker.",
        "Food tech.",
        "Being more grown up.",
        "Getting a new uniform and a blazer.",
        "Going on trips.",
        "Learning Spanish.",
        "Drama club.",
        "Nothing really. Maybe PE.",
    ];

    public static IReadOnlyList<string> WouldHelp { get; } =
    [
        "Extra visits in the summer term, including a lunchtime, and a map of {dest} with the places {name} needs marked on it.",
        "A named adult at {dest} to meet {him} at the gate on the first morning.",
        "Meeting {his} form tutor before September, and a photo book of key staff and places to take home over the summer.",
        "A Year 8 buddy for the first half term.",
        "Practising the bus journey with {his} social worker during the summer holidays.",
        "A time-out card agreed with {dest} and explained to {him} before the move.",
        "Being placed in a form with {friend}, which {dest} has agreed to consider.",
    ];

    // Communication and learning.
    public static IReadOnlyList<string> Communication { get; } =
    [
        "Chatty and confident one to one, quieter in big groups. Give instructions one step at a time.",
        "Communicates well but needs time to think before answering; wait rather than repeat the question.",
        "Prefers to write or draw feelings rather than talk about them.",
        "Uses humour to cover being upset. A quiet word works better than a public one.",
        "Good vocabulary but takes things literally, so avoid sarcasm.",
        "Will nod along when unsure. Ask {him} to explain the task back in {his} own words.",
    ];

    public static IReadOnlyList<string> WorksInClass { get; } =
    [
        "Sitting near the front with a calm partner; tasks broken into steps with a checklist.",
        "Movement breaks every 20 minutes and a job to do.",
        "Teaching key vocabulary before a new topic.",
        "Praise given privately, clear routines, and a warning before changing activity.",
        "Working in a pair rather than a group, with a writing frame.",
        "A visual timetable on the desk and a countdown timer for tasks.",
    ];

    public static string SenSupportProvision(SenPrimaryNeed need) => need switch
    {
        SenPrimaryNeed.SLCN => "a weekly speech and language group and picture prompts for instructions",
        SenPrimaryNeed.SEMH => "a daily check-in with the learning mentor and a nurture group twice a week",
        SenPrimaryNeed.MLD => "small-group reading and maths every morning with the teaching assistant",
        SenPrimaryNeed.SPLD => "coloured overlays, a reader for tests and a touch-typing programme",
        SenPrimaryNeed.ASD => "a visual timetable, a workstation and warning of any change to the day",
        SenPrimaryNeed.HI => "a radio aid and seating with the better ear towards the teacher",
        SenPrimaryNeed.VI => "enlarged print and a seat by the board",
        SenPrimaryNeed.PD => "a writing slope, extra time to move between rooms and adapted PE",
        _ => "support from the class teaching assistant and adapted resources",
    };

    // Attendance.
    public static IReadOnlyList<string> AbsencePatterns { get; } =
    [
        "Most absences are on Mondays.",
        "Absences tend to follow contact weekends.",
        "Several absences were for hospital appointments.",
        "Absence is highest in the week after a holiday.",
        "There is no clear pattern; most absences are illness.",
        "Late arrivals are the bigger problem, usually by 10 to 15 minutes.",
    ];

    public static IReadOnlyList<string> AttendanceBarriers { get; } =
    [
        "Mornings are hard when mum is unwell; {name} sometimes gets {his} younger sister ready too.",
        "Worry about school on Sunday nights, and stomach aches on Monday mornings.",
        "The family moved house this year, so the journey is longer.",
        "Late nights on the games console, and tired in the mornings.",
        "No clear barrier; most absence is illness.",
        "Appointments during the school day that the family could not move.",
    ];

    public static IReadOnlyList<string> AttendanceHelps { get; } =
    [
        "A breakfast club place, and a text to mum at 9:15 if {name} is not in.",
        "A morning job (feeding the class fish) gives {him} a reason to arrive on time.",
        "Weekly attendance check-ins with the family support worker.",
        "Walking to school with a neighbour's family.",
        "A first-day call from the office, and praise for good weeks.",
    ];

    // Behaviour.
    public static IReadOnlyList<string> Behaviour { get; } =
    [
        "Generally settled and well liked; occasional fallings-out at lunchtime.",
        "Can become loud and leave the classroom when frustrated. No suspensions this year.",
        "Withdrawn rather than disruptive: {name} can go quiet and stop working.",
        "One internal exclusion in Year 5 after a fight on the field; nothing since.",
        "Follows class routines well; finds unstructured times harder.",
        "Calls out and struggles to wait {his} turn, but responds quickly to a reminder.",
    ];

    public static IReadOnlyList<string> Triggers { get; } =
    [
        "Being told off in front of others.",
        "Changes to the timetable without warning, and supply teachers.",
        "Comments about {his} family.",
        "Loud, crowded places such as the hall at lunchtime.",
        "Losing at games, or feeling something is unfair.",
        "Being bumped or pushed in the line.",
    ];

    /// <summary>What calms, with the child's own words quoted.</summary>
    public static IReadOnlyList<string> Calms { get; } =
    [
        "Time in the reading corner. {name} says: \u201cI just need five minutes on my own.\u201d",
        "Drawing, and an adult who lowers their voice. In {his} words: \u201cDrawing makes my head go quiet.\u201d",
        "A walk with the teaching assistant. {name} says: \u201cWalking helps my head stop buzzing.\u201d",
        "Squeezing a stress ball and being given a choice of two things to do next.",
        "Talking it through afterwards, not in the moment. {name} says: \u201cAsk me later, not when I'm angry.\u201d",
        "Listening to music on headphones for a few minutes.",
    ];

    // Health.
    public static IReadOnlyList<string> Conditions { get; } =
    [
        "No medical conditions.",
        "No medical conditions.",
        "Asthma: a blue inhaler is kept in class and taken on trips.",
        "Eczema: uses an emollient cream at lunchtime.",
        "Wears glasses for reading (often forgets them).",
        "Nut allergy: adrenaline auto-injector in the office and a care plan in place.",
        "Mild hearing loss in the left ear; sits with the right side to the teacher.",
        "ADHD diagnosed in Year 4; medication taken at home in the morning.",
    ];

    public static IReadOnlyList<string> Wellbeing { get; } =
    [
        "Generally happy in school; worries about home sometimes come out as tummy aches.",
        "Has seen the school counsellor this year and says the sessions help.",
        "Low self-esteem; quick to say \u201cI'm rubbish at this\u201d.",
        "Sleeps poorly at times and is tired on Mondays.",
        "Referred to the children's mental health service for anxiety; waiting for a first appointment.",
        "Happy and settled at the moment.",
    ];

    // Family context (restricted to the LA and social care).
    public static IReadOnlyList<string> Family { get; } =
    [
        "Lives with mum and two younger siblings. Dad has supervised contact every other Saturday.",
        "Lives with mum and her partner. Grandparents live nearby and are very involved.",
        "Has lived with dad since the autumn; contact with mum is being reviewed.",
        "Lives with mum; an older brother recently moved out. Money is tight and the family uses the food bank.",
        "Lives with {his} grandmother under a family arrangement; mum visits weekly.",
        "The family moved to Eastmoor last year from temporary accommodation.",
    ];

    public static IReadOnlyList<string> InNeedFocus { get; } =
    [
        "parental mental health",
        "home conditions and routines",
        "domestic abuse in the past; mum now works with the domestic abuse service",
        "caring for a parent with a long-term illness",
        "school attendance and routines at home",
    ];

    public static IReadOnlyList<string> ProtectionCategory { get; } = ["neglect", "emotional abuse", "neglect", "physical abuse"];

    // What has worked.
    public static IReadOnlyList<string> Worked { get; } =
    [
        "One key adult to check in with each morning.",
        "Short, specific praise, and a shared reward chart between home and school.",
        "Small-group work with the teaching assistant.",
        "Responsibility: {name} is a lunchtime monitor and takes it seriously.",
        "A timer to break up longer tasks.",
        "Phone calls home with good news, not only problems.",
    ];

    public static IReadOnlyList<string> NotWorked { get; } =
    [
        "Taking away break times; it makes things worse.",
        "Long spoken instructions.",
        "Being moved away from friends as a sanction.",
        "Reward charts on their own, without an adult to talk to.",
        "Sending unfinished work home.",
        "Reminders in front of the class.",
    ];

    public static IReadOnlyList<string> KeyAdultRoles { get; } =
        ["Head of Year 7", "Pastoral lead", "Learning mentor", "SENCo", "Year 7 progress leader", "Transition teaching assistant"];

    /// <summary>(action, who) of the transition support plan; who is filled in by the caller.</summary>
    public static IReadOnlyList<(string Action, string Who)> SupportActions { get; } =
    [
        ("Arrange three extra visits to {dest} in the summer term", "{lead}"),
        ("Send the Transition Passport to the SENCo at {dest}", "{lead}"),
        ("Practise the bus route to {dest} with {name}", "{sw}"),
        ("Introduce {name} to the key adult before the summer holidays", "Key adult at {dest}"),
        ("Make a photo book of {dest} for {name} to keep over the summer", "Teaching assistant at {primary}"),
        ("Apply for the uniform grant", "{parent}"),
        ("Agree a time-out card with {dest}", "{lead}"),
        ("Tell {dest} about the triggers and what calms {him}", "{lead}"),
    ];

    // Person-centred planning meetings.
    public static IReadOnlyList<string> Venues { get; } =
    [
        "{primary}, meeting room",
        "{primary}, family room",
        "Family home",
        "Eastmoor Family Hub, Station Road",
        "Online (video call)",
    ];

    public static IReadOnlyList<string> WhatsWorking { get; } =
    [
        "{name} has settled well this term and has a good group of friends.",
        "Attendance has improved since breakfast club started.",
        "{parent} says homework is less of a battle with the new routine.",
        "The daily check-in with the learning mentor is helping.",
        "{name} enjoyed the first visit to {dest} and talked about it all week.",
        "{name} has been proud of {his} work in {goodat} and showed it at the meeting.",
    ];

    public static IReadOnlyList<string> WhatsNotWorking { get; } =
    [
        "Lunchtimes are still difficult; two fallings-out since the last meeting.",
        "Mornings: {name} has been late six times since the last meeting.",
        "{name} is worried about the move and is not sleeping well.",
        "Homework is not being handed in.",
        "Messages between home and school are being missed.",
        "{name} does not want to talk about secondary school yet.",
    ];

    public static IReadOnlyList<string> ImportantToChild { get; } =
    [
        "Being in the same form as at least one friend.",
        "Keeping up {love} on Saturdays.",
        "Knowing who to go to if something goes wrong.",
        "Not being treated differently from everyone else.",
        "Seeing dad at weekends.",
        "Having a say in what {dest} is told about {him}.",
    ];

    public static IReadOnlyList<string> ImportantForChild { get; } =
    [
        "The same key adult at {dest} from the first day.",
        "Good attendance, with a call home early if {name} is absent.",
        "That staff at {dest} know {his} triggers before September.",
        "A safe place to go at break and lunch.",
        "That the family's support carries on over the summer holidays.",
    ];

    public static IReadOnlyList<string> QuestionsToAnswer { get; } =
    [
        "Who will be {his} form tutor, and can {name} meet them before September?",
        "Can {name} be in a form with a friend from {primary}?",
        "Is there a homework club at {dest}?",
        "Will {his} social worker stay the same after the move?",
        "How will the resilience programme carry on over the summer?",
        "Can the key adult come to the next meeting?",
    ];

    public static IReadOnlyList<(string What, string Who)> MeetingActions { get; } =
    [
        ("Book the first extra visit to {dest}", "{lead}"),
        ("Send the draft profile to {parent} to check", "{lead}"),
        ("Ask {dest} for the name of the key adult", "{lead}"),
        ("Refer {name} to the resilience programme", "SENCo, {primary}"),
        ("Help the family apply for the uniform grant", "Family support worker"),
        ("Talk to {name} about the bus route and practise it once", "{sw}"),
        ("Invite the secondary SENCo to the next meeting", "{lead}"),
        ("Write up {name}'s views for the passport in {his} own words", "{lead}"),
    ];

    public static IReadOnlyList<string> CancelledReasons { get; } =
    [
        "{parent} was unwell; the meeting will be rearranged.",
        "The social worker could not attend and the family asked to wait.",
        "School closed for snow.",
        "Clashed with a child protection conference; rearranged.",
    ];

    public static IReadOnlyList<string> OtherInvitees { get; } =
        ["educational psychologist", "family support worker", "school nurse", "young carers support worker", "youth worker"];

    // Cohort decisions.
    public static IReadOnlyList<string> ConfirmedReasons { get; } =
    [
        "Meets the criteria; the school and the social worker agree the programme will help.",
        "Confirmed at the cohort panel.",
        "Confirmed after a conversation with {parent}, who welcomes the support.",
    ];

    public static IReadOnlyList<string> RemovedReasons { get; } =
    [
        "The family is moving out of Eastmoor in the spring; the new authority has been told.",
        "{parent} declined the programme after talking it through with the social worker; the school will support the move in its usual way.",
        "The plan is closing and the family asked not to continue.",
        "Already supported through the EHC plan phase transfer, led by the SEND team.",
        "Proposed twice by mistake after a change of school; this record is not needed.",
    ];

    // Year 7 follow-up.
    public static IReadOnlyList<string> FollowUpNotesGood { get; } =
    [
        "Settled quickly; in a form with two friends from {primary}. Enjoying science and PE.",
        "Doing well in lessons; says the key adult is \u201csound\u201d and checks in weekly.",
        "Has joined the {love} club and made friends from other forms.",
        "A few wobbles in the first weeks, now settled into routines.",
    ];

    public static IReadOnlyList<string> FollowUpNotesConcern { get; } =
    [
        "Finding the size of the school hard; has used the time-out card several times.",
        "Attendance dropped after October half term; {parent} reports stomach aches on Mondays again.",
        "Friendship problems at lunchtime, which the Head of Year is managing.",
        "Suspended after a fight on the bus; a reintegration meeting was held with {parent}.",
    ];

    public static IReadOnlyList<string> NextStepsGood { get; } =
    [
        "Carry on weekly check-ins with the key adult until Easter.",
        "No further action beyond the usual pastoral support.",
        "Mentoring to start after Christmas to build on a good start.",
    ];

    public static IReadOnlyList<string> NextStepsConcern { get; } =
    [
        "Attendance meeting with the family; referral to the attendance support team.",
        "Behaviour outreach (BOSS) to observe in lessons and advise staff.",
        "Restart one-to-one therapeutic support; review in six weeks.",
        "Key adult to meet {name} daily for the next half term.",
    ];

    // Staff job titles for training registers.
    public static IReadOnlyList<string> SchoolJobTitles { get; } =
    [
        "Class teacher", "Class teacher", "Class teacher", "Teaching assistant", "Teaching assistant", "SENCo",
        "Deputy headteacher", "Learning mentor", "Pastoral lead", "Head of Year 7", "Family liaison officer", "Designated safeguarding lead",
    ];

    public static IReadOnlyList<string> SocialWorkJobTitles { get; } =
        ["Social worker", "Social worker", "Social worker", "Senior social worker", "Team manager", "Family support worker"];

    public static string Percent(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Pick(Randomizer random, IReadOnlyList<string> items, DemoVoice voice) => voice.Fill(random.Pick(items));

    /// <summary>One or two different sentences from the list.</summary>
    public static string PickSome(Randomizer random, IReadOnlyList<string> items, DemoVoice voice, double secondChance = 0.35)
    {
        var first = random.Number(0, items.Count - 1);
        if (items.Count < 2 || !random.Chance(secondChance))
        {
            return voice.Fill(items[first]);
        }

        var second = (first + random.Number(1, items.Count - 1)) % items.Count;
        return voice.Fill(items[first] + " " + items[second]);
    }
}
