namespace Mend.Web.Features.Cases;

/// <summary>
/// The offence list a new service starts with. Gravity scores follow the YJB gravity matrix's scale
/// (1 to 8) as a starting point; each service checks them against the current matrix and edits
/// them. "Sensitive" marks the kinds the Home Office guidance treats as sensitive or complex
/// (serious violence, sexual offences, domestic abuse, hate crime).
/// </summary>
public static class OffenceTypeSeed
{
    public sealed record Entry(string Name, string Category, int GravityScore, bool IsSensitive);

    public static readonly IReadOnlyList<Entry> All =
    [
        new("Common assault", "Violence against the person", 3, false),
        new("Assault occasioning actual bodily harm", "Violence against the person", 4, false),
        new("Assault on an emergency worker", "Violence against the person", 4, false),
        new("Wounding or inflicting grievous bodily harm", "Violence against the person", 6, true),
        new("Wounding or causing grievous bodily harm with intent", "Violence against the person", 7, true),
        new("Affray", "Violence against the person", 4, false),
        new("Threats to kill", "Violence against the person", 5, true),
        new("Racially or religiously aggravated assault", "Hate crime", 5, true),
        new("Racially or religiously aggravated public order offence", "Hate crime", 4, true),
        new("Controlling or coercive behaviour", "Domestic abuse", 5, true),
        new("Sexual assault", "Sexual offences", 6, true),
        new("Exposure", "Sexual offences", 4, true),
        new("Sharing private sexual images", "Sexual offences", 5, true),
        new("Rape", "Sexual offences", 8, true),
        new("Robbery", "Robbery", 6, false),
        new("Burglary of a home", "Burglary", 5, false),
        new("Burglary of a building other than a home", "Burglary", 3, false),
        new("Theft from a shop", "Theft", 2, false),
        new("Theft from a person", "Theft", 3, false),
        new("Theft of or from a vehicle", "Theft", 3, false),
        new("Taking a vehicle without consent", "Theft", 3, false),
        new("Handling stolen goods", "Theft", 3, false),
        new("Criminal damage", "Criminal damage", 2, false),
        new("Arson", "Criminal damage", 5, false),
        new("Harassment", "Public order", 3, false),
        new("Stalking", "Public order", 5, true),
        new("Threatening or abusive behaviour", "Public order", 2, false),
        new("Malicious communications", "Public order", 3, false),
        new("Possession of a bladed article or offensive weapon", "Weapons", 4, false),
        new("Possession of a controlled drug", "Drugs", 1, false),
        new("Possession with intent to supply a controlled drug", "Drugs", 5, false),
        new("Anti-social behaviour (no offence charged)", "Other", 1, false),
    ];
}
