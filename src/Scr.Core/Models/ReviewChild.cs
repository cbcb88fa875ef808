namespace Scr.Core.Models;

/// <summary>A child who is a subject of the review. The name is confidential: it never leaves the case record.</summary>
public class ReviewChild : IPartOfReview
{
    private ReviewChild()
    {
        Name = "";
    }

    public ReviewChild(string name, int? ageAtIncidentMonths, Sex sex, Ethnicity ethnicity, YesNoNotKnown disability,
        ChildProtectionPlanStatus childProtectionPlan, LegalStatus legalStatus)
    {
        Id = Guid.NewGuid();
        Name = name;
        AgeAtIncidentMonths = ageAtIncidentMonths;
        Sex = sex;
        Ethnicity = ethnicity;
        Disability = disability;
        ChildProtectionPlan = childProtectionPlan;
        LegalStatus = legalStatus;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public string Name { get; private set; }

    /// <summary>Whole months at the date of the incident; null when not known.</summary>
    public int? AgeAtIncidentMonths { get; private set; }
    public Sex Sex { get; private set; }
    public Ethnicity Ethnicity { get; private set; }
    public YesNoNotKnown Disability { get; private set; }
    public ChildProtectionPlanStatus ChildProtectionPlan { get; private set; }
    public LegalStatus LegalStatus { get; private set; }
}
