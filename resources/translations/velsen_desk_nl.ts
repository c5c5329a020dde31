<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="nl_NL">
<context>
    <name>BudgetTab</name>
    <message numerus="yes">
        <source>Alle %n plannen samen: berekend {0}</source>
        <translation>
            <numerusform>%n plan: berekend {0}</numerusform>
            <numerusform>Alle %n plannen samen: berekend {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message numerus="yes">
        <source>%n wijziging(en) ten opzichte van de vorige versie.</source>
        <translation>
            <numerusform>%n wijziging ten opzichte van de vorige versie.</numerusform>
            <numerusform>%n wijzigingen ten opzichte van de vorige versie.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormsDialog</name>
    <message numerus="yes">
        <source>%n formulier(en) geschreven:</source>
        <translation>
            <numerusform>%n formulier geschreven:</numerusform>
            <numerusform>%n formulieren geschreven:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• {0}: {1} (%n actie(s))</source>
        <translation>
            <numerusform>• {0}: {1} (%n actie)</numerusform>
            <numerusform>• {0}: {1} (%n acties)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n actie(s) zonder trekker kregen geen formulier.</source>
        <translation>
            <numerusform>%n actie zonder trekker kreeg geen formulier.</numerusform>
            <numerusform>%n acties zonder trekker kregen geen formulier.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n probleem/problemen gevonden; er wordt niets geschreven. Kies een probleem om het voluit te lezen, verbeter de werkmap en lees haar opnieuw in.</source>
        <translation>
            <numerusform>%n probleem gevonden; er wordt niets geschreven. Kies een probleem om het voluit te lezen, verbeter de werkmap en lees haar opnieuw in.</numerusform>
            <numerusform>%n problemen gevonden; er wordt niets geschreven. Kies een probleem om het voluit te lezen, verbeter de werkmap en lees haar opnieuw in.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wijziging(en) in wat het venster toont.</source>
        <translation>
            <numerusform>%n wijziging in wat het venster toont.</numerusform>
            <numerusform>%n wijzigingen in wat het venster toont.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Inlezen schrijft %n bestand(en) in de gegevensmap.</source>
        <translation>
            <numerusform>Inlezen schrijft %n bestand in de gegevensmap.</numerusform>
            <numerusform>Inlezen schrijft %n bestanden in de gegevensmap.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ingelezen: %n bestand(en) geschreven. Bouw en publiceer de database om de raadsleden de nieuwe gegevens te geven.</source>
        <translation>
            <numerusform>Ingelezen: %n bestand geschreven. Bouw en publiceer de database om de raadsleden de nieuwe gegevens te geven.</numerusform>
            <numerusform>Ingelezen: %n bestanden geschreven. Bouw en publiceer de database om de raadsleden de nieuwe gegevens te geven.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message numerus="yes">
        <source>%n niet-bewaarde notitie(s) van de vorige keer teruggezet</source>
        <translation>
            <numerusform>%n niet-bewaarde notitie van de vorige keer teruggezet</numerusform>
            <numerusform>%n niet-bewaarde notities van de vorige keer teruggezet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notitie(s) konden niet bewaard worden, ook niet in het herstelbestand:
{0}

{1}

Toch afsluiten? De niet-bewaarde tekst gaat dan verloren.</source>
        <translation>
            <numerusform>%n notitie kon niet bewaard worden, ook niet in het herstelbestand:
{0}

{1}

Toch afsluiten? De niet-bewaarde tekst gaat dan verloren.</numerusform>
            <numerusform>%n notities konden niet bewaard worden, ook niet in het herstelbestand:
{0}

{1}

Toch afsluiten? De niet-bewaarde tekst gaat dan verloren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n andere notitie(s) niet bewaard — wordt opnieuw geprobeerd</source>
        <translation>
            <numerusform>%n andere notitie niet bewaard — wordt opnieuw geprobeerd</numerusform>
            <numerusform>%n andere notities niet bewaard — wordt opnieuw geprobeerd</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesOverview</name>
    <message numerus="yes">
        <source>%n notitie(s) geëxporteerd naar {0}.</source>
        <translation>
            <numerusform>%n notitie geëxporteerd naar {0}.</numerusform>
            <numerusform>%n notities geëxporteerd naar {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notitie(s) geïmporteerd.</source>
        <translation>
            <numerusform>%n notitie geïmporteerd.</numerusform>
            <numerusform>%n notities geïmporteerd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPanel</name>
    <message numerus="yes">
        <source>%n pagina’s</source>
        <translation>
            <numerusform>%n pagina</numerusform>
            <numerusform>%n pagina’s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pagina’s naar de printer gestuurd.</source>
        <translation>
            <numerusform>%n pagina naar de printer gestuurd.</numerusform>
            <numerusform>%n pagina’s naar de printer gestuurd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressEntryDialog</name>
    <message numerus="yes">
        <source>%n actie(s) van {0}</source>
        <translation>
            <numerusform>%n actie van {0}</numerusform>
            <numerusform>%n acties van {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RollbackDialog</name>
    <message numerus="yes">
        <source>Terugzetten verandert %n onderdeel/onderdelen ten opzichte van de huidige gegevens.</source>
        <translation>
            <numerusform>Terugzetten verandert %n onderdeel ten opzichte van de huidige gegevens.</numerusform>
            <numerusform>Terugzetten verandert %n onderdelen ten opzichte van de huidige gegevens.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%n resultaten voor “{0}”</source>
        <translation>
            <numerusform>%n resultaat voor “{0}”</numerusform>
            <numerusform>%n resultaten voor “{0}”</numerusform>
        </translation>
    </message>
</context>
</TS>
