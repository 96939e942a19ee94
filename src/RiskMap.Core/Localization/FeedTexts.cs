namespace RiskMap.Core.Localization;

/// <summary>The titles and details of the feed endpoint's refusals, in Kazakh, Russian and English.</summary>
public static class FeedTexts
{
    public static string RejectedTitle(Language language) => (
        "Топтама қабылданбады: ештеңе сақталмады",
        "Пакет отклонён: ничего не сохранено",
        "The batch was rejected: nothing was stored").In(language);

    public static string NotPermittedTitle(Language language) => (
        "Бұл клиентке рұқсат етілмеген мәндер: ештеңе сақталмады",
        "Значения, которые этому клиенту не разрешены: ничего не сохранено",
        "Values this client may not write: nothing was stored").In(language);

    public static string NotPermittedDetail(Language language) => (
        "Топтамада клиенттің көрсеткіштерінен немесе өңірлерінен тыс мәндер бар; әрқайсысы issues тізімінде жолымен және өрісімен аталған.",
        "В пакете есть значения вне показателей или регионов клиента; каждое названо в issues с номером строки и полем.",
        "The batch holds values outside the client's indicators or regions; each is listed in issues with its row and field.").In(language);

    public static string ConflictTitle(Language language) => (
        "Топтама кілті басқа мазмұн үшін пайдаланылған",
        "Ключ пакета уже использован для другого содержимого",
        "The batch key was used for other content").In(language);
}
