using Scr.Core.Rules.Genogram;

namespace Scr.Core.Rules;

/// <summary>The words for the genogram's couples and parents.</summary>
public static partial class Labels
{
    public static string Of(CoupleKind value) => value switch
    {
        CoupleKind.Married => "Married",
        CoupleKind.Partners => "Partners",
        CoupleKind.Separated => "Separated",
        _ => "Ex-partners",
    };

    public static string Of(ParentKind value) => value switch
    {
        ParentKind.Birth => "Birth parent",
        ParentKind.Step => "Step-parent",
        ParentKind.Adoptive => "Adoptive parent",
        _ => "Foster carer",
    };
}
