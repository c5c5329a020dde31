<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name></name>
    <message>
        <source>Velsen Desk – onverwachte fout</source>
        <translation>Velsen Desk – unexpected error</translation>
    </message>
    <message>
        <source>Er ging iets mis: {0}

De details staan in het logboek.</source>
        <translation>Something went wrong: {0}

The details are in the log.</translation>
    </message>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Trekker</source>
        <translation>Lead party</translation>
    </message>
    <message>
        <source>Kosten</source>
        <translation>Costs</translation>
    </message>
    <message>
        <source>Financiering</source>
        <translation>Funding</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Volgens document</source>
        <translation>According to the document</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Focusopgave {0}: {1}</source>
        <translation>Focus task {0}: {1}</translation>
    </message>
    <message>
        <source>budget {0}</source>
        <translation>budget {0}</translation>
    </message>
    <message>
        <source>{0} (deels)</source>
        <translation>{0} (partly)</translation>
    </message>
    <message>
        <source>financiert actie {0}</source>
        <translation>funds action {0}</translation>
    </message>
    <message>
        <source>De bron noemt geen planning.</source>
        <translation>The source gives no planning.</translation>
    </message>
    <message>
        <source>Lopende tekst: {0}</source>
        <translation>Running text: {0}</translation>
    </message>
    <message>
        <source>In de bron: {0}</source>
        <translation>In the source: {0}</translation>
    </message>
    <message>
        <source>Berekend uit de regels: {0}. Document: {1}.</source>
        <translation>Calculated from the lines: {0}. Document: {1}.</translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Bespreken</source>
        <translation>Discuss</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bijgewerkt</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>los</source>
        <translation>detached</translation>
    </message>
    <message>
        <source>los: dit onderdeel staat niet meer in de gegevens</source>
        <translation>detached: this item is no longer in the data</translation>
    </message>
    <message>
        <source>Kolom onzeker: in het brondocument lopen de kolommen van deze tabel in elkaar over, dus in welke kolom dit staat is afgeleid.</source>
        <translation>Column uncertain: in the source document the columns of this table run into each other, so the column shown here is inferred.</translation>
    </message>
    <message>
        <source>Leeg volgens onze lezing: in het brondocument lopen de kolommen in elkaar over, dus een portefeuille met ≈ kan ook in deze kolom hebben gestaan. De bron zegt niet dat deze cel leeg is.</source>
        <translation>Empty by our reading: in the source document the columns run into each other, so a portfolio marked ≈ may also have stood in this column. The source does not say this cell is empty.</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Partij</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>Loco</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <source>Portefeuille</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <source>Regie-thema’s</source>
        <translation>Themes led</translation>
    </message>
    <message>
        <source>Volgorde als locoburgemeester</source>
        <translation>Order as deputy mayor</translation>
    </message>
    <message>
        <source>— (afgeleid)</source>
        <translation>— (inferred)</translation>
    </message>
    <message>
        <source>Speerpunten</source>
        <translation>Spearheads</translation>
    </message>
    <message>
        <source>Wat we al doen</source>
        <translation>What we already do</translation>
    </message>
    <message>
        <source>Wat we kunnen doen</source>
        <translation>What we can do</translation>
    </message>
    <message>
        <source>De printer kan niet worden gestart.</source>
        <translation>The printer cannot be started.</translation>
    </message>
    <message>
        <source>De printer weigert een nieuwe pagina.</source>
        <translation>The printer refuses a new page.</translation>
    </message>
    <message>
        <source>De gegevens zijn gewijzigd, maar niet in wat dit overzicht vergelijkt: namen en titels, regie, portefeuilles, trekkers, kosten, planning en de punten van de hoofdstukken. Andere teksten, zoals toelichtingen en citaten uit de bronnen, kunnen wel veranderd zijn.</source>
        <translation>The data has changed, but not in what this overview compares: names and titles, lead, portfolios, lead parties, costs, planning and the points of the chapters. Other texts, such as explanations and quotes from the sources, may have changed.</translation>
    </message>
    <message>
        <source>toegevoegd</source>
        <translation>added</translation>
    </message>
    <message>
        <source>verwijderd</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>gewijzigd</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>Wijziging</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Oud</source>
        <translation>Old</translation>
    </message>
    <message>
        <source>Nieuw</source>
        <translation>New</translation>
    </message>
    <message>
        <source>leeg</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>vanaf {0}</source>
        <translation>from {0}</translation>
    </message>
    <message>
        <source>in {0}</source>
        <translation>in {0}</translation>
    </message>
    <message>
        <source>Metingen van dit doel, met het doel als rode stippellijn</source>
        <translation>Measurements of this target, with the target as a red dashed line</translation>
    </message>
    <message>
        <source>Metingen</source>
        <translation>Measurements</translation>
    </message>
    <message>
        <source>bedrag per jaar, geen totaal; niet op te tellen bij eenmalige bedragen</source>
        <translation>amount per year, not a total; not to be added to one-off amounts</translation>
    </message>
    <message>
        <source>Hoofdstuk {0}: {1}</source>
        <translation>Chapter {0}: {1}</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Toelichting van de samenstellers (niet uit de bron)</source>
        <translation>Curators&apos; note (not from the source)</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Regie volgens</source>
        <translation>Lead according to</translation>
    </message>
    <message>
        <source>Aandachtsveld met de thema’s:</source>
        <translation>Area of attention with the themes:</translation>
    </message>
    <message>
        <source>Toezegging uit de tekst</source>
        <translation>Commitment from the text</translation>
    </message>
    <message>
        <source>Staat in de lopende tekst van het hoofdstuk, niet in de lijst “Focus van onze inzet”.</source>
        <translation>Stated in the chapter’s running text, not in the list “Focus van onze inzet”.</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Regie</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Mijn regie</source>
        <translation>Led by me</translation>
    </message>
    <message>
        <source>mijn regie</source>
        <translation>led by me</translation>
    </message>
    <message>
        <source>Uit de tekst: {0}</source>
        <translation>From the text: {0}</translation>
    </message>
    <message>
        <source>Impulsprojecten</source>
        <translation>Impulse projects</translation>
    </message>
    <message>
        <source>Onze bezieling (waarden van het college)</source>
        <translation>Our drive (the college’s values)</translation>
    </message>
    <message>
        <source>Categorie {0}. {1}</source>
        <translation>Category {0}. {1}</translation>
    </message>
    <message>
        <source>Werkwijze: afspraken (Deel A)</source>
        <translation>Way of working: agreements (Part A)</translation>
    </message>
    <message>
        <source>Ook toegezegd in de tekst van het hoofdstuk</source>
        <translation>Also committed in the chapter’s text</translation>
    </message>
    <message>
        <source>Toekomstbeeld – beoogde maatschappelijke effecten</source>
        <translation>Vision of the future – intended social effects</translation>
    </message>
    <message>
        <source>Genoemd in de inleiding van het document, niet bij een opgave.</source>
        <translation>Named in the document’s introduction, not under an opgave.</translation>
    </message>
    <message>
        <source>Impulsproject</source>
        <translation>Impulse project</translation>
    </message>
    <message>
        <source>Onze bezieling</source>
        <translation>Our drive</translation>
    </message>
    <message>
        <source>Werkwijze: categorieën van onderwerpen</source>
        <translation>Way of working: categories of topics</translation>
    </message>
    <message>
        <source>Geen focuspunten in de bron.</source>
        <translation>No focus points in the source.</translation>
    </message>
    <message>
        <source>Meetbaar doel</source>
        <translation>Measurable target</translation>
    </message>
    <message>
        <source>planning onbekend</source>
        <translation>planning unknown</translation>
    </message>
    <message>
        <source>Actie {0}</source>
        <translation>Action {0}</translation>
    </message>
    <message>
        <source>redactionele koppeling</source>
        <translation>editorial link</translation>
    </message>
    <message>
        <source>volgens de bron</source>
        <translation>according to the source</translation>
    </message>
    <message>
        <source>Thema {0}: {1}</source>
        <translation>Theme {0}: {1}</translation>
    </message>
    <message>
        <source>Aandachtsveld</source>
        <translation>Area of attention</translation>
    </message>
    <message>
        <source>Extra beleidsmatige aandacht</source>
        <translation>Extra policy attention</translation>
    </message>
    <message>
        <source>Bijdragende hoofdstukken</source>
        <translation>Contributing chapters</translation>
    </message>
    <message>
        <source>Geen hoofdstuk gekoppeld.</source>
        <translation>No chapter linked.</translation>
    </message>
    <message>
        <source>Actieplan</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>Geen acties uit een Actieplan gekoppeld.</source>
        <translation>No actions from an action plan linked.</translation>
    </message>
    <message>
        <source>het hele plan</source>
        <translation>the whole plan</translation>
    </message>
    <message>
        <source>Totaal</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Focuspunten</source>
        <translation>Focus points</translation>
    </message>
    <message>
        <source>Focuspunt {0}</source>
        <translation>Focus point {0}</translation>
    </message>
    <message>
        <source>Meetbare doelen</source>
        <translation>Measurable targets</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>… en nog {0} meer (velsen-desk validate {1}).</source>
        <translation>… and {0} more (velsen-desk validate {1}).</translation>
    </message>
    <message>
        <source>De gegevensmap {0} heeft zelf problemen; los die eerst op:
{1}</source>
        <translation>The data folder {0} has problems of its own; fix those first:
{1}</translation>
    </message>
    <message>
        <source>De gegevensmap {0} kan niet gelezen worden ({1}).</source>
        <translation>The data folder {0} cannot be read ({1}).</translation>
    </message>
    <message>
        <source>Gegevens lezen…</source>
        <translation>Reading the data…</translation>
    </message>
    <message>
        <source>Werkmap maken…</source>
        <translation>Making the workbook…</translation>
    </message>
    <message>
        <source>Kan {0} niet schrijven ({1}). Er is geen werkmap geschreven.</source>
        <translation>Cannot write {0} ({1}). No workbook was written.</translation>
    </message>
    <message>
        <source>{0} is geen map.</source>
        <translation>{0} is not a folder.</translation>
    </message>
    <message>
        <source>Werkmappen lezen…</source>
        <translation>Reading the workbooks…</translation>
    </message>
    <message>
        <source>Gegevensmap lezen…</source>
        <translation>Reading the data folder…</translation>
    </message>
    <message>
        <source>Controleren…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Wijzigingen bepalen…</source>
        <translation>Working out the changes…</translation>
    </message>
    <message>
        <source>De wijzigingen kunnen niet bepaald worden ({0}); er is niets geschreven.</source>
        <translation>The changes cannot be worked out ({0}); nothing was written.</translation>
    </message>
    <message>
        <source>Het werkboek heeft nog problemen; er is niets geschreven.</source>
        <translation>The workbook still has problems; nothing was written.</translation>
    </message>
    <message>
        <source>De gegevensmap is gewijzigd sinds de controle. Lees de werkmap opnieuw in; er is niets geschreven.</source>
        <translation>The data folder changed since the check. Read the workbook in again; nothing was written.</translation>
    </message>
    <message>
        <source>Kan niet schrijven in {0} ({1}). De gegevensmap is ongewijzigd.</source>
        <translation>Cannot write in {0} ({1}). The data folder is unchanged.</translation>
    </message>
    <message>
        <source>Er zijn geen formulieren gemaakt: {0}.</source>
        <translation>No forms were made: {0}.</translation>
    </message>
    <message>
        <source>Kan niet schrijven in {0} ({1}). Er zijn geen formulieren gemaakt.</source>
        <translation>Cannot write in {0} ({1}). No forms were made.</translation>
    </message>
    <message>
        <source>Er is geen gedeelde map ingesteld (Bestand → Instellingen…); er is niets gepubliceerd.</source>
        <translation>No shared folder is set (File → Settings…); nothing was published.</translation>
    </message>
    <message>
        <source>Gegevens controleren…</source>
        <translation>Checking the data…</translation>
    </message>
    <message>
        <source>Database bouwen…</source>
        <translation>Building the database…</translation>
    </message>
    <message>
        <source>De database kan niet gebouwd worden ({0}); er is niets gepubliceerd.</source>
        <translation>The database cannot be built ({0}); nothing was published.</translation>
    </message>
    <message>
        <source>Publiceren…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <source>Verbinden met de server…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>Uw acties ophalen…</source>
        <translation>Fetching your actions…</translation>
    </message>
    <message>
        <source>Versturen…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Lijst bijwerken…</source>
        <translation>Updating the list…</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Laatste status</source>
        <translation>Last status</translation>
    </message>
    <message>
        <source>Peildatum</source>
        <translation>Reference date</translation>
    </message>
    <message>
        <source>Gerealiseerd</source>
        <translation>Spent</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Actie {0}: {1}</source>
        <translation>Action {0}: {1}</translation>
    </message>
</context>
<context>
    <name>BeheerFeature</name>
    <message>
        <source>&amp;Griffiemodus (menu Beheer)</source>
        <translation>&amp;Clerk mode (Manage menu)</translation>
    </message>
    <message>
        <source>Toont het menu Beheer om de gegevens bij te werken en te publiceren</source>
        <translation>Shows the Manage menu to update and publish the data</translation>
    </message>
    <message>
        <source>Be&amp;heer</source>
        <translation>&amp;Manage</translation>
    </message>
    <message>
        <source>Werkmap &amp;exporteren…</source>
        <translation>&amp;Export workbook…</translation>
    </message>
    <message>
        <source>Werkmap &amp;inlezen…</source>
        <translation>&amp;Import workbook…</translation>
    </message>
    <message>
        <source>&amp;Voortgangsformulieren maken…</source>
        <translation>Make &amp;progress forms…</translation>
    </message>
    <message>
        <source>Database &amp;bouwen en publiceren…</source>
        <translation>&amp;Build and publish database…</translation>
    </message>
    <message>
        <source>&amp;Gegevensmap kiezen…</source>
        <translation>Choose data &amp;folder…</translation>
    </message>
    <message>
        <source>Kies de gegevensmap (de YAML-bestanden van de griffie)</source>
        <translation>Choose the data folder (the council clerk’s office’s YAML files)</translation>
    </message>
    <message>
        <source>Werkmap exporteren</source>
        <translation>Export workbook</translation>
    </message>
    <message>
        <source>Excel-werkmap (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Werkmap exporteren…</source>
        <translation>Exporting the workbook…</translation>
    </message>
    <message>
        <source>Database bouwen en publiceren</source>
        <translation>Build and publish database</translation>
    </message>
    <message>
        <source>De gegevens uit {0} bouwen en publiceren naar {1}? Alle raadsleden krijgen ze bij hun volgende synchronisatie.</source>
        <translation>Build the data from {0} and publish it to {1}? Every council member gets it at their next sync.</translation>
    </message>
    <message>
        <source>(geen gedeelde map)</source>
        <translation>(no shared folder)</translation>
    </message>
    <message>
        <source>Database bouwen en publiceren…</source>
        <translation>Building and publishing the database…</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Beheer</source>
        <translation>Manage</translation>
    </message>
    <message>
        <source>Werkmap geschreven: {0}</source>
        <translation>Workbook written: {0}</translation>
    </message>
    <message>
        <source>Gepubliceerd: {0} (gegevensversie {1}).</source>
        <translation>Published: {0} (data version {1}).</translation>
    </message>
    <message>
        <source>Onverwachte fout: {0}. Er is niets gewijzigd.</source>
        <translation>Unexpected error: {0}. Nothing was changed.</translation>
    </message>
    <message>
        <source>Geannuleerd; er is niets gewijzigd.</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
</context>
<context>
    <name>BudgetTab</name>
    <message>
        <source>Actieplan</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>Boom van het Actieplan: focusopgaven met hun acties, kosten, financiering en planning; daaronder de budgetten. Klik op een kolomkop om te sorteren.</source>
        <translation>Tree of the action plan: focus tasks with their actions, costs, funding and planning; below them the budgets. Click a column header to sort.</translation>
    </message>
    <message>
        <source>Totaal van het Actieplan</source>
        <translation>Total of the action plan</translation>
    </message>
    <message>
        <source>Alles &amp;uitklappen</source>
        <translation>&amp;Expand all</translation>
    </message>
    <message>
        <source>Alles i&amp;nklappen</source>
        <translation>&amp;Collapse all</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Details van de gekozen actie, regel of tak.</source>
        <translation>Details of the chosen action, line or branch.</translation>
    </message>
    <message>
        <source>Geen Actieplan</source>
        <translation>No action plan</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Geen Actieplan&lt;/h2&gt;&lt;p&gt;Het programma “{0}” heeft geen Actieplan; er is dus geen begroting per actie om te tonen.&lt;/p&gt;&lt;p&gt;Kies het programma Velsen 2022–2026 voor het Actieplan Velsen-Noord.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;No action plan&lt;/h2&gt;&lt;p&gt;The programme “{0}” has no action plan, so there is no budget per action to show.&lt;/p&gt;&lt;p&gt;Choose the programme Velsen 2022–2026 for the Actieplan Velsen-Noord.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>berekend {0}</source>
        <translation>calculated {0}</translation>
    </message>
    <message>
        <source>Kies een actie voor de details en de bron.</source>
        <translation>Choose an action for its details and source.</translation>
    </message>
    <message numerus="yes">
        <source>Alle %n plannen samen: berekend {0}</source>
        <translation>
            <numerusform>%n plan: calculated {0}</numerusform>
            <numerusform>All %n plans together: calculated {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Actie {0}: {1}</source>
        <translation>Action {0}: {1}</translation>
    </message>
    <message>
        <source>Kosten per actie – focusopgave {0}: {1}</source>
        <translation>Costs per action – focus task {0}: {1}</translation>
    </message>
    <message>
        <source>Kosten per regel – {0}</source>
        <translation>Costs per line – {0}</translation>
    </message>
    <message>
        <source>Kosten per Actieplan – kies een plan voor zijn focusopgaven</source>
        <translation>Costs per action plan – choose a plan for its focus tasks</translation>
    </message>
    <message>
        <source>Kosten per actie – {0}</source>
        <translation>Costs per action – {0}</translation>
    </message>
    <message>
        <source>Overige acties</source>
        <translation>Other actions</translation>
    </message>
    <message>
        <source>Kosten per focusopgave – {0}</source>
        <translation>Costs per focus task – {0}</translation>
    </message>
    <message>
        <source>De tabel en de lopende tekst verschillen over de planning.</source>
        <translation>The table and the running text differ on the planning.</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Focusopgave {0}: {1}</source>
        <translation>Focus task {0}: {1}</translation>
    </message>
    <message>
        <source>Trekker</source>
        <translation>Lead party</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Kosten</source>
        <translation>Costs</translation>
    </message>
    <message>
        <source>in de bron</source>
        <translation>in the source</translation>
    </message>
    <message>
        <source>Financiering</source>
        <translation>Funding</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Thema’s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Regel {0}: {1}</source>
        <translation>Line {0}: {1}</translation>
    </message>
    <message>
        <source>Naar de actie in het Actieplan</source>
        <translation>To the action in the action plan</translation>
    </message>
    <message>
        <source>Berekend</source>
        <translation>Calculated</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Waarvoor de kosten zijn</source>
        <translation>What the cost covers</translation>
    </message>
    <message>
        <source>Voorwaarde</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Planning volgens de lopende tekst</source>
        <translation>Planning according to the running text</translation>
    </message>
    <message>
        <source>In de lopende tekst van het Actieplan</source>
        <translation>In the running text of the action plan</translation>
    </message>
    <message>
        <source>redactionele koppeling</source>
        <translation>editorial link</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <source>Perspectieven</source>
        <translation>Perspectives</translation>
    </message>
    <message>
        <source>Perspectief {0}: {1}</source>
        <translation>Perspective {0}: {1}</translation>
    </message>
    <message>
        <source>Hoe zou het moeten zijn?</source>
        <translation>How should it be?</translation>
    </message>
    <message>
        <source>Opgaven</source>
        <translation>Tasks</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <source>Wat is er veranderd</source>
        <translation>What has changed</translation>
    </message>
    <message>
        <source>Samenvatting van de wijzigingen</source>
        <translation>Summary of the changes</translation>
    </message>
    <message>
        <source>Wijzigingen</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Wijzigingen per soort onderdeel: toegevoegd, verwijderd of gewijzigd, met oud en nieuw.</source>
        <translation>Changes per kind of item: added, removed or changed, with old and new.</translation>
    </message>
    <message>
        <source>De gekozen wijziging, oud en nieuw voluit</source>
        <translation>The chosen change, old and new in full</translation>
    </message>
    <message>
        <source>Kies een wijziging om oud en nieuw voluit te zien.</source>
        <translation>Choose a change to see old and new in full.</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Er is nog geen eerdere versie om mee te vergelijken. Na een synchronisatie die nieuwe gegevens brengt, ziet u hier wat er veranderd is.</source>
        <translation>There is no earlier version to compare with yet. After a sync that brings new data, you will see here what has changed.</translation>
    </message>
    <message>
        <source>Geen verschillen met de vorige versie.</source>
        <translation>No differences from the previous version.</translation>
    </message>
    <message numerus="yes">
        <source>%n wijziging(en) ten opzichte van de vorige versie.</source>
        <translation>
            <numerusform>%n change from the previous version.</numerusform>
            <numerusform>%n changes from the previous version.</numerusform>
        </translation>
    </message>
    <message>
        <source>Oud</source>
        <translation>Old</translation>
    </message>
    <message>
        <source>Nieuw</source>
        <translation>New</translation>
    </message>
</context>
<context>
    <name>ChartHolder</name>
    <message>
        <source>Grafiek wordt geladen…</source>
        <translation>Loading chart…</translation>
    </message>
    <message>
        <source>Grafiek</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>De grafiek kan niet worden getoond ({0}). De gegevens staan volledig in de lijst ernaast.</source>
        <translation>The chart cannot be shown ({0}). All the data is in the list beside it.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Er staat al een versie op de server</source>
        <translation>There already is a version on the server</translation>
    </message>
    <message>
        <source>Voor ‘{0}’ staat op deze peildatum al een opgave van u op de server, die u hier niet had opgehaald. Uw nieuwe versie is niet opgeslagen en er is niets overschreven. Kies welke versie moet gelden.</source>
        <translation>For ‘{0}’ the server already holds a report of yours on this reference date, which you had not fetched here. Your new version was not saved and nothing was overwritten. Choose which version should stand.</translation>
    </message>
    <message>
        <source>Iemand anders was u voor</source>
        <translation>Someone else was first</translation>
    </message>
    <message>
        <source>Iemand anders heeft de voortgang van ‘{0}’ gewijzigd nadat u die ophaalde. Uw versie is niet opgeslagen en er is niets overschreven. Kies welke versie moet gelden.</source>
        <translation>Someone else changed the progress of ‘{0}’ after you fetched it. Your version was not saved and nothing was overwritten. Choose which version should stand.</translation>
    </message>
    <message>
        <source>Uw versie (niet opgeslagen)</source>
        <translation>Your version (not saved)</translation>
    </message>
    <message>
        <source>Op de server (versie {0})</source>
        <translation>On the server (version {0})</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Gerealiseerd</source>
        <translation>Spent</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <source>nu, niet opgeslagen</source>
        <translation>now, not saved</translation>
    </message>
    <message>
        <source>Versie op de server &amp;houden</source>
        <translation>&amp;Keep the version on the server</translation>
    </message>
    <message>
        <source>&amp;Mijn versie eroverheen opslaan</source>
        <translation>&amp;Save my version over it</translation>
    </message>
    <message>
        <source>&amp;Terug naar het formulier</source>
        <translation>&amp;Back to the form</translation>
    </message>
    <message>
        <source>geen toelichting</source>
        <translation>no explanation</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>{0} om {1}</source>
        <translation>{0} at {1}</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Voortgang invullen: verbinden</source>
        <translation>Report progress: connect</translation>
    </message>
    <message>
        <source>Meld u aan bij de centrale database van de griffie om de voortgang van de acties van uw organisatie in te vullen. U ziet alleen de acties waarvan uw organisatie trekker is.</source>
        <translation>Log in to the central database of the council clerk&apos;s office to report the progress of your organisation&apos;s actions. You see only the actions your organisation leads.</translation>
    </message>
    <message>
        <source>Serveradres</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Wachtwoord &amp;onthouden</source>
        <translation>&amp;Remember password</translation>
    </message>
    <message>
        <source>Niet mogelijk: deze computer heeft geen bruikbare sleutelhanger.</source>
        <translation>Not possible: this computer has no usable keyring.</translation>
    </message>
    <message>
        <source>Bewaar het wachtwoord in de sleutelhanger van het systeem, nooit in de instellingen van Velsen Desk</source>
        <translation>Keep the password in the system&apos;s keyring, never in Velsen Desk&apos;s settings</translation>
    </message>
    <message>
        <source>Deze computer heeft geen bruikbare sleutelhanger (keyring) om het wachtwoord veilig te bewaren; Velsen Desk vraagt het daarom elke keer en bewaart het nergens.</source>
        <translation>This computer has no usable keyring to keep the password safely, so Velsen Desk asks for it each time and stores it nowhere.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Gebruiker:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Verbinden</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Vul het serveradres, uw gebruikersnaam en uw wachtwoord in.</source>
        <translation>Fill in the server address, your user name and your password.</translation>
    </message>
    <message>
        <source>Verbinden met {0}…</source>
        <translation>Connecting to {0}…</translation>
    </message>
    <message>
        <source>Verbinden…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Verbinden afgebroken.</source>
        <translation>Connecting cancelled.</translation>
    </message>
    <message>
        <source>Verbinden lukte niet door een onverwachte fout; de details staan in het logbestand.</source>
        <translation>Connecting failed because of an unexpected error; the details are in the log file.</translation>
    </message>
    <message>
        <source>Stoppen</source>
        <translation>Stop</translation>
    </message>
</context>
<context>
    <name>CostChart</name>
    <message>
        <source>Staafdiagram kosten</source>
        <translation>Bar chart of costs</translation>
    </message>
    <message>
        <source>Kosten per actie of per regel van de gekozen tak.</source>
        <translation>Costs per action or per line of the chosen branch.</translation>
    </message>
    <message>
        <source>(de eerste {0} van {1})</source>
        <translation>(the first {0} of {1})</translation>
    </message>
</context>
<context>
    <name>DataStatus</name>
    <message>
        <source>Geopende gegevens</source>
        <translation>Open data</translation>
    </message>
    <message>
        <source>Vorige versie van de gegevens, teruggezet op {0}</source>
        <translation>Previous version of the data, restored on {0}</translation>
    </message>
    <message>
        <source>Vorige versie van de gegevens, teruggezet</source>
        <translation>Previous version of the data, restored</translation>
    </message>
    <message>
        <source>Gegevens meegeleverd met Velsen Desk</source>
        <translation>Data supplied with Velsen Desk</translation>
    </message>
    <message>
        <source>de griffie</source>
        <translation>the council clerk&apos;s office</translation>
    </message>
    <message>
        <source>Gegevens gepubliceerd door {0}</source>
        <translation>Data published by {0}</translation>
    </message>
    <message>
        <source>Gegevens van {0}, gepubliceerd door {1}</source>
        <translation>Data of {0}, published by {1}</translation>
    </message>
    <message>
        <source>{0} · brondocumenten van {1}</source>
        <translation>{0} · source documents of {1}</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Gegevensversie (voor de griffie): {0}</source>
        <translation>Data version (for the council clerk&apos;s office): {0}</translation>
    </message>
    <message>
        <source>Opgehaald uit: {0}</source>
        <translation>Fetched from: {0}</translation>
    </message>
    <message>
        <source>Meegeleverd</source>
        <translation>Supplied with the application</translation>
    </message>
    <message>
        <source>datum onbekend</source>
        <translation>date unknown</translation>
    </message>
</context>
<context>
    <name>FormsDialog</name>
    <message>
        <source>Voortgangsformulieren maken</source>
        <translation>Make progress forms</translation>
    </message>
    <message>
        <source>Maakt voor elke trekker van het actieplan een eigen monitorformulier met alleen de eigen acties. Stuur elk formulier naar zijn trekker en lees het ingevulde formulier in met “Werkmap inlezen…”.</source>
        <translation>Makes a monitor form for every lead party of the action plan, holding only its own actions. Send each form to its party and read the filled-in form with “Import workbook…”.</translation>
    </message>
    <message>
        <source>Actieplan</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>Peildatum</source>
        <translation>Reference date</translation>
    </message>
    <message>
        <source>kies de map voor de formulieren</source>
        <translation>choose the folder for the forms</translation>
    </message>
    <message>
        <source>Map voor de formulieren</source>
        <translation>Folder for the forms</translation>
    </message>
    <message>
        <source>&amp;Bladeren…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;Actieplan:</source>
        <translation>&amp;Action plan:</translation>
    </message>
    <message>
        <source>&amp;Peildatum:</source>
        <translation>&amp;Reference date:</translation>
    </message>
    <message>
        <source>&amp;Map:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>Resultaat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Formulieren &amp;maken</source>
        <translation>&amp;Make forms</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Actieplannen lezen…</source>
        <translation>Reading the action plans…</translation>
    </message>
    <message>
        <source>{0} is geen bestaande map; kies een map.</source>
        <translation>{0} is not an existing folder; choose a folder.</translation>
    </message>
    <message>
        <source>Formulieren maken…</source>
        <translation>Making the forms…</translation>
    </message>
    <message>
        <source>De gegevens hebben geen actieplan.</source>
        <translation>The data has no action plan.</translation>
    </message>
    <message numerus="yes">
        <source>%n formulier(en) geschreven:</source>
        <translation>
            <numerusform>%n form written:</numerusform>
            <numerusform>%n forms written:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• {0}: {1} (%n actie(s))</source>
        <translation>
            <numerusform>• {0}: {1} (%n action)</numerusform>
            <numerusform>• {0}: {1} (%n actions)</numerusform>
        </translation>
    </message>
    <message>
        <source>• {0}: overgeslagen, {1}</source>
        <translation>• {0}: skipped, {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n actie(s) zonder trekker kregen geen formulier.</source>
        <translation>
            <numerusform>%n action without a lead party got no form.</numerusform>
            <numerusform>%n actions without a lead party got no form.</numerusform>
        </translation>
    </message>
    <message>
        <source>Onverwachte fout: {0}. Er zijn geen formulieren gemaakt.</source>
        <translation>Unexpected error: {0}. No forms were made.</translation>
    </message>
    <message>
        <source>Geannuleerd; er zijn geen formulieren geschreven.</source>
        <translation>Cancelled; no forms were written.</translation>
    </message>
</context>
<context>
    <name>GanttChart</name>
    <message>
        <source>Tijdlijn</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Gantt-diagram van de acties per kwartaal; zoomen met het muiswiel, slepen om te schuiven.</source>
        <translation>Gantt chart of the actions per quarter; zoom with the mouse wheel, drag to scroll.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Handleiding</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Wat Velsen Desk is</source>
        <translation>What Velsen Desk is</translation>
    </message>
    <message>
        <source>Velsen Desk toont het raadsprogramma, de portefeuilleverdeling van het college en het Actieplan Velsen-Noord in één venster, ook zonder netwerk.</source>
        <translation>Velsen Desk shows the council programme, the college&apos;s portfolio division and the Actieplan Velsen-Noord in one window, also without a network.</translation>
    </message>
    <message>
        <source>Elk bedrag, elke naam en elke datum komt uit de brondocumenten: in de details staat onder elk onderdeel de bron met het letterlijke citaat. Wat de bronnen niet zeggen, staat er als “onbekend”.</source>
        <translation>Every amount, name and date comes from the source documents: in the details, each item shows its source with the literal quote. What the sources do not say is shown as “unknown”.</translation>
    </message>
    <message>
        <source>De tabbladen</source>
        <translation>The tabs</translation>
    </message>
    <message>
        <source>Thema’s: de thema’s van het raadsprogramma per aandachtsveld, met wie de regie heeft, de bijdragende hoofdstukken en de gekoppelde acties. Een programma zonder thema’s toont hier zijn hoofdstukken of opgaven.</source>
        <translation>Themes: the council programme&apos;s themes per area of attention, with who leads them, the contributing chapters and the linked actions. A programme without themes shows its chapters or tasks here.</translation>
    </message>
    <message>
        <source>Portefeuilles: wie in het college welke portefeuilles heeft. “≈” betekent dat de kolom niet zeker uit de bron volgt.</source>
        <translation>Portfolios: who in the college holds which portfolios. “≈” means the column does not follow from the source with certainty.</translation>
    </message>
    <message>
        <source>Begroting: de acties van het Actieplan met kosten en dekking. “n.v.t.” (geen kosten) en “n.n.b.” (nog niet bekend) zijn iets anders dan € 0.</source>
        <translation>Budget: the Actieplan&apos;s actions with their costs and funding. “n/a” (no cost) and “TBD” (not yet known) are different from €0.</translation>
    </message>
    <message>
        <source>Tijdlijn: de planning van de acties per kwartaal, zo precies als de bron hem noemt.</source>
        <translation>Timeline: the planning of the actions per quarter, as precise as the source gives it.</translation>
    </message>
    <message>
        <source>Voortgang: per actie de laatste status uit de voortgangsrapportages (groen, oranje, rood, grijs = niet gestart, afgerond, gestopt) met de toelichting. “Geen rapportage” betekent dat er geen (recente) status is; “einde planning verstreken” dat de geplande einddatum voorbij is terwijl de actie niet afgerond of gestopt is. Bij het bestede bedrag telt “n.n.b.” mee als onbekend, nooit als € 0.</source>
        <translation>Progress: for each action the latest status from the progress reports (green, amber, red, grey = not started, completed, stopped) with its explanation. “No report” means there is no (recent) status; “planned end passed” that the planned end date is past while the action is neither completed nor stopped. In the amount spent, “TBD” counts as unknown, never as €0.</translation>
    </message>
    <message>
        <source>Met “Bekijk als” in de werkbalk kiest u een collegelid: diens regie en portefeuilles worden gemarkeerd.</source>
        <translation>With “View as” in the toolbar you choose a college member: their themes and portfolios are highlighted.</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Typ in het zoekveld rechts in de werkbalk. Hoofdletters en accenten maken niet uit. Kies een resultaat om het in zijn tabblad te openen, ook in een ander programma.</source>
        <translation>Type in the search field on the right of the toolbar. Capitals and accents do not matter. Choose a result to open it in its tab, also in another programme.</translation>
    </message>
    <message>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Onder de details van een onderdeel typt u een persoonlijke notitie; die wordt vanzelf bewaard, alleen op deze laptop. Vink “Bespreken in vergadering” aan voor wat u wilt inbrengen. Staan er meer portefeuilles in één cel, kies dan in de lijst naast “Mijn notitie bij” over welke de notitie gaat.</source>
        <translation>Below the details of an item you type a personal note; it is saved automatically, only on this laptop. Tick “Discuss in meeting” for what you want to raise. When a cell holds several portfolios, choose in the list beside “My note on” which one the note is about.</translation>
    </message>
    <message>
        <source>Beeld → Mijn notities… toont alle notities. Dubbelklik (of Enter) op een notitie opent het onderdeel. Daar kunt u notities ook exporteren en importeren.</source>
        <translation>View → My notes… shows all notes. Double-click (or Enter) on a note opens its item. There you can also export and import notes.</translation>
    </message>
    <message>
        <source>Rapporten</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Rapporten → Rapport van deze weergave… maakt het rapport bij het open tabblad als PDF; u kunt het bekijken, bewaren en afdrukken. In het menu Rapporten staan ook de agendabijlage voor een vergadering en de persoonlijke voorbereiding.</source>
        <translation>Reports → Report of this view… makes the report for the open tab as a PDF; you can view, save and print it. The Reports menu also holds the agenda annex for a meeting and the personal brief.</translation>
    </message>
    <message>
        <source>De persoonlijke voorbereiding zet uw notities (desgewenst alleen de punten “bespreken in vergadering”) op papier, gemarkeerd als “Persoonlijk — niet voor verspreiding”. U maakt haar ook vanuit Mijn notities.</source>
        <translation>The personal brief puts your notes (if you like, only the points to “discuss in meeting”) on paper, marked “Persoonlijk — niet voor verspreiding” (personal, not for distribution). You can also make it from My notes.</translation>
    </message>
    <message>
        <source>Synchroniseren</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>De griffie zet nieuwe gegevens in een gedeelde map. Stel die map in onder Bestand → Instellingen… en kies Bestand → Synchroniseren. De nieuwe versie wordt eerst gecontroleerd; lukt dat niet, dan blijft de vorige versie open.</source>
        <translation>The council clerk&apos;s office (griffie) puts new data in a shared folder. Set that folder under File → Settings… and choose File → Sync. The new version is checked first; if that fails, the previous version stays open.</translation>
    </message>
    <message>
        <source>Beeld → Wat is er veranderd… vergelijkt met de vorige versie; Bestand → Vorige versie terugzetten… gaat terug. Uw notities worden daarbij nooit aangeraakt.</source>
        <translation>View → What has changed… compares with the previous version; File → Restore previous version… goes back. Your notes are never touched by either.</translation>
    </message>
    <message>
        <source>Voortgang invullen en Griffiemodus</source>
        <translation>Report progress and Clerk mode</translation>
    </message>
    <message>
        <source>Bestand → Voortgang invullen… is voor wie de voortgang van acties rapporteert: u meldt zich aan bij de centrale database van de griffie en geeft per actie een peildatum, status, toelichting en het bestede bedrag op.</source>
        <translation>File → Report progress… is for those who report the progress of actions: you log in to the central database of the council clerk’s office and give, for each action, a reference date, status, explanation and the amount spent.</translation>
    </message>
    <message>
        <source>Bestand → Griffiemodus (menu Beheer) is voor de griffie: het menu Beheer verschijnt, met werkmappen exporteren en inlezen, voortgangsformulieren maken en de database bouwen en publiceren naar de gedeelde map.</source>
        <translation>File → Clerk mode (Manage menu) is for the council clerk’s office: the Manage menu appears, with exporting and importing workbooks, making progress forms, and building and publishing the database to the shared folder.</translation>
    </message>
    <message>
        <source>Toetsenbord</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <source>Alles werkt ook zonder muis: Tab gaat naar het volgende onderdeel van het venster, de pijltjestoetsen bewegen binnen een lijst of tabel. Help → Sneltoetsen toont alle sneltoetsen.</source>
        <translation>Everything also works without a mouse: Tab moves to the next part of the window, the arrow keys move within a list or table. Help → Keyboard shortcuts lists all shortcuts.</translation>
    </message>
    <message>
        <source>Velsen Desk — korte handleiding</source>
        <translation>Velsen Desk — short user guide</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>&amp;Handleiding</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>&amp;Sneltoetsen</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Werkmap inlezen</source>
        <translation>Import workbook</translation>
    </message>
    <message>
        <source>Gegevensmap: {0}</source>
        <translation>Data folder: {0}</translation>
    </message>
    <message>
        <source>&amp;Werkmappen kiezen…</source>
        <translation>Choose &amp;workbooks…</translation>
    </message>
    <message>
        <source>Nog geen werkmap gekozen.</source>
        <translation>No workbook chosen yet.</translation>
    </message>
    <message>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Werkmap</source>
        <translation>Workbook</translation>
    </message>
    <message>
        <source>Blad</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Rij</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Kolom (cel)</source>
        <translation>Column (cell)</translation>
    </message>
    <message>
        <source>Probleem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Problemen in de werkmap</source>
        <translation>Problems in the workbook</translation>
    </message>
    <message>
        <source>Het gekozen probleem voluit</source>
        <translation>The chosen problem in full</translation>
    </message>
    <message>
        <source>Wijzigingen bij inlezen</source>
        <translation>Changes on import</translation>
    </message>
    <message>
        <source>&amp;Vervangen</source>
        <translation>&amp;Replace</translation>
    </message>
    <message>
        <source>De nieuwe rapportage komt in de plaats van de bestaande van dezelfde partij op die peildatum</source>
        <translation>The new report takes the place of the one the same party gave for that reference date</translation>
    </message>
    <message>
        <source>&amp;Inlezen</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>&amp;Bouwen en publiceren…</source>
        <translation>&amp;Build and publish…</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Werkmappen kiezen</source>
        <translation>Choose workbooks</translation>
    </message>
    <message>
        <source>Excel-werkmappen (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Controleren…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Schrijven…</source>
        <translation>Writing…</translation>
    </message>
    <message numerus="yes">
        <source>%n probleem/problemen gevonden; er wordt niets geschreven. Kies een probleem om het voluit te lezen, verbeter de werkmap en lees haar opnieuw in.</source>
        <translation>
            <numerusform>%n problem found; nothing is written. Choose a problem to read it in full, correct the workbook and import it again.</numerusform>
            <numerusform>%n problems found; nothing is written. Choose a problem to read it in full, correct the workbook and import it again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deze partij heeft op die peildatum al gerapporteerd. Wilt u die rapportage vervangen door die uit het formulier?</source>
        <translation>This party has already reported for that reference date. Do you want to replace that report with the one in the form?</translation>
    </message>
    <message>
        <source>De werkmap wijzigt niets aan de gegevens; er valt niets in te lezen.</source>
        <translation>The workbook changes nothing in the data; there is nothing to import.</translation>
    </message>
    <message numerus="yes">
        <source>%n wijziging(en) in wat het venster toont.</source>
        <translation>
            <numerusform>%n change in what the window shows.</numerusform>
            <numerusform>%n changes in what the window shows.</numerusform>
        </translation>
    </message>
    <message>
        <source>Geen wijzigingen in wat het venster toont (wel in de gegevens).</source>
        <translation>No changes in what the window shows (but in the data).</translation>
    </message>
    <message numerus="yes">
        <source>Inlezen schrijft %n bestand(en) in de gegevensmap.</source>
        <translation>
            <numerusform>Importing writes %n file in the data folder.</numerusform>
            <numerusform>Importing writes %n files in the data folder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ingelezen: %n bestand(en) geschreven. Bouw en publiceer de database om de raadsleden de nieuwe gegevens te geven.</source>
        <translation>
            <numerusform>Imported: %n file written. Build and publish the database to give the council members the new data.</numerusform>
            <numerusform>Imported: %n files written. Build and publish the database to give the council members the new data.</numerusform>
        </translation>
    </message>
    <message>
        <source>Onverwachte fout: {0}. Er is niets geschreven.</source>
        <translation>Unexpected error: {0}. Nothing was written.</translation>
    </message>
    <message>
        <source>Geannuleerd; er is niets geschreven.</source>
        <translation>Cancelled; nothing was written.</translation>
    </message>
</context>
<context>
    <name>ItemKind</name>
    <message>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Hoofdstukken</source>
        <translation>Chapters</translation>
    </message>
    <message>
        <source>Focuspunten</source>
        <translation>Focus points</translation>
    </message>
    <message>
        <source>Portefeuilles</source>
        <translation>Portfolios</translation>
    </message>
    <message>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Focusopgaven</source>
        <translation>Focus tasks</translation>
    </message>
    <message>
        <source>Acties</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Begrotingen</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>Begrotingsregels</source>
        <translation>Budget lines</translation>
    </message>
    <message>
        <source>Opgaven</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Speerpunten</source>
        <translation>Spearheads</translation>
    </message>
    <message>
        <source>Impulsprojecten</source>
        <translation>Impulse projects</translation>
    </message>
    <message>
        <source>Afspraken (werkwijze)</source>
        <translation>Agreements (way of working)</translation>
    </message>
    <message>
        <source>Opmerkingen bij de portefeuilleverdeling</source>
        <translation>Remarks on the portfolio allocation</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Hoofdstuk</source>
        <translation>Chapter</translation>
    </message>
    <message>
        <source>Focuspunt</source>
        <translation>Focus point</translation>
    </message>
    <message>
        <source>Portefeuille</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <source>Persoon</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Focusopgave</source>
        <translation>Focus task</translation>
    </message>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Begroting</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Begrotingsregel</source>
        <translation>Budget line</translation>
    </message>
    <message>
        <source>Opgave</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Speerpunt</source>
        <translation>Spearhead</translation>
    </message>
    <message>
        <source>Impulsproject</source>
        <translation>Impulse project</translation>
    </message>
    <message>
        <source>Afspraak (werkwijze)</source>
        <translation>Agreement (way of working)</translation>
    </message>
    <message>
        <source>Opmerking</source>
        <translation>Remark</translation>
    </message>
</context>
<context>
    <name>Locale</name>
    <message>
        <source>nl</source>
        <comment>the language code of this catalogue: nl or en (dates, amounts and the domain&apos;s words)</comment>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Velsen Desk</source>
        <translation>Velsen Desk</translation>
    </message>
    <message>
        <source>Weergaven</source>
        <translation>Views</translation>
    </message>
    <message>
        <source>Thema’s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Thema’s, of de opbouw van het programma</source>
        <translation>Themes, or the structure of the programme</translation>
    </message>
    <message>
        <source>Portefeuilles</source>
        <translation>Portfolios</translation>
    </message>
    <message>
        <source>Wie doet wat in het college</source>
        <translation>Who does what in the executive board</translation>
    </message>
    <message>
        <source>Begroting</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Het Actieplan met kosten en budgetten</source>
        <translation>The action plan with costs and budgets</translation>
    </message>
    <message>
        <source>Tijdlijn</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>De planning van de acties per kwartaal</source>
        <translation>The planning of the actions per quarter</translation>
    </message>
    <message>
        <source>Stoplicht per actie: status, te laat en uitgaven</source>
        <translation>Traffic light per action: status, lateness and spending</translation>
    </message>
    <message>
        <source>Gegevens voorbereiden…</source>
        <translation>Preparing data…</translation>
    </message>
    <message>
        <source>Werkbalk</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Gegevens &amp;opnieuw laden</source>
        <translation>&amp;Reload data</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>B&amp;eeld</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Alles &amp;uitklappen</source>
        <translation>&amp;Expand all</translation>
    </message>
    <message>
        <source>Alles &amp;inklappen</source>
        <translation>C&amp;ollapse all</translation>
    </message>
    <message>
        <source>Mijn &amp;notities…</source>
        <translation>My &amp;notes…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Over Velsen Desk</source>
        <translation>&amp;About Velsen Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Velsen Desk {0}&lt;/h3&gt;&lt;p&gt;Het raadsprogramma, de portefeuilleverdeling en het Actieplan Velsen-Noord, offline in één venster.&lt;/p&gt;&lt;p&gt;{1}.&lt;/p&gt;&lt;p&gt;Licentie: EUPL-1.2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Velsen Desk {0}&lt;/h3&gt;&lt;p&gt;The council programme, the division of portfolios and the Actieplan Velsen-Noord, offline in one window.&lt;/p&gt;&lt;p&gt;{1}.&lt;/p&gt;&lt;p&gt;Licence: EUPL-1.2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Gegevensversie (voor de griffie): {0}</source>
        <translation>Data version (for the council clerk&apos;s office): {0}</translation>
    </message>
    <message>
        <source>Voortgang</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Het gegevensbestand kan niet worden geopend.

{0}</source>
        <translation>The data file cannot be opened.

{0}</translation>
    </message>
    <message>
        <source>Velsen Desk kan niet starten</source>
        <translation>Velsen Desk cannot start</translation>
    </message>
    <message>
        <source>{0} – Velsen Desk</source>
        <translation>{0} – Velsen Desk</translation>
    </message>
    <message>
        <source>De gegevens konden niet gelezen worden. Het gegevensbestand is mogelijk beschadigd.

Details: {0}</source>
        <translation>The data could not be read. The data file may be damaged.

Details: {0}</translation>
    </message>
    <message>
        <source>Laden mislukt</source>
        <translation>Loading failed</translation>
    </message>
    <message>
        <source>Velsen Desk – fout</source>
        <translation>Velsen Desk – error</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Over Velsen Desk</source>
        <translation>About Velsen Desk</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Mijn notitie</source>
        <translation>My note</translation>
    </message>
    <message>
        <source>&amp;Bespreken in vergadering</source>
        <translation>&amp;Discuss in meeting</translation>
    </message>
    <message>
        <source>Bespreken in vergadering</source>
        <translation>Discuss in meeting</translation>
    </message>
    <message>
        <source>Markeer dit onderdeel om het in de vergadering te bespreken.</source>
        <translation>Mark this item to discuss it in the meeting.</translation>
    </message>
    <message>
        <source>Persoonlijke notitie bij het gekozen onderdeel; alleen op deze laptop, wordt vanzelf bewaard.</source>
        <translation>Personal note on the chosen item; only on this laptop, saved automatically.</translation>
    </message>
    <message>
        <source>Typ hier uw notitie; die wordt vanzelf bewaard.</source>
        <translation>Type your note here; it is saved automatically.</translation>
    </message>
    <message>
        <source>Notitie bij onderdeel</source>
        <translation>Note on item</translation>
    </message>
    <message>
        <source>Status van de notitie</source>
        <translation>Status of the note</translation>
    </message>
    <message numerus="yes">
        <source>%n niet-bewaarde notitie(s) van de vorige keer teruggezet</source>
        <translation>
            <numerusform>%n unsaved note from last time restored</numerusform>
            <numerusform>%n unsaved notes from last time restored</numerusform>
        </translation>
    </message>
    <message>
        <source>Mijn &amp;notitie bij</source>
        <translation>My &amp;note on</translation>
    </message>
    <message>
        <source>Mijn &amp;notitie bij {0}</source>
        <translation>My &amp;note on {0}</translation>
    </message>
    <message>
        <source>Notitie niet bewaard</source>
        <translation>Note not saved</translation>
    </message>
    <message numerus="yes">
        <source>%n notitie(s) konden niet bewaard worden, ook niet in het herstelbestand:
{0}

{1}

Toch afsluiten? De niet-bewaarde tekst gaat dan verloren.</source>
        <translation>
            <numerusform>%n note could not be saved, not even in the recovery file:
{0}

{1}

Close anyway? The unsaved text will then be lost.</numerusform>
            <numerusform>%n notes could not be saved, not even in the recovery file:
{0}

{1}

Close anyway? The unsaved text will then be lost.</numerusform>
        </translation>
    </message>
    <message>
        <source>wordt bewaard…</source>
        <translation>saving…</translation>
    </message>
    <message>
        <source>Niet bewaard: {0} — wordt opnieuw geprobeerd</source>
        <translation>Not saved: {0} — trying again</translation>
    </message>
    <message numerus="yes">
        <source>%n andere notitie(s) niet bewaard — wordt opnieuw geprobeerd</source>
        <translation>
            <numerusform>%n other note not saved — trying again</numerusform>
            <numerusform>%n other notes not saved — trying again</numerusform>
        </translation>
    </message>
    <message>
        <source>bewaard</source>
        <translation>saved</translation>
    </message>
</context>
<context>
    <name>NotesFeature</name>
    <message>
        <source>Dit onderdeel staat niet (meer) in de gegevens; de notitie blijft bewaard.</source>
        <translation>This item is not (or no longer) in the data; the note is kept.</translation>
    </message>
</context>
<context>
    <name>NotesOverview</name>
    <message>
        <source>Mijn notities</source>
        <translation>My notes</translation>
    </message>
    <message>
        <source>Uw persoonlijke notities en “bespreken in vergadering”, alleen op deze laptop. “los”: het onderdeel staat niet meer in de gegevens; de notitie blijft bewaard.</source>
        <translation>Your personal notes and “discuss in meeting”, only on this laptop. “detached”: the item is no longer in the data; the note is kept.</translation>
    </message>
    <message>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Dubbelklik of Enter op een notitie opent het onderdeel.</source>
        <translation>Double-click or Enter on a note opens its item.</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Exporteren…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Notities exporteren</source>
        <translation>Export notes</translation>
    </message>
    <message>
        <source>&amp;Importeren…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>Notities importeren</source>
        <translation>Import notes</translation>
    </message>
    <message>
        <source>&amp;Persoonlijke voorbereiding…</source>
        <translation>&amp;Personal brief…</translation>
    </message>
    <message>
        <source>Persoonlijke voorbereiding maken</source>
        <translation>Make the personal brief</translation>
    </message>
    <message>
        <source>Maak van deze notities een PDF om te bekijken, te bewaren of af te drukken.</source>
        <translation>Make a PDF of these notes to view, save or print.</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Nog geen notities. Typ een notitie onder de details van een onderdeel.</source>
        <translation>No notes yet. Type a note below the details of an item.</translation>
    </message>
    <message>
        <source>Notitie-export (*.json)</source>
        <translation>Note export (*.json)</translation>
    </message>
    <message>
        <source>Exporteren mislukt: {0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n notitie(s) geëxporteerd naar {0}.</source>
        <translation>
            <numerusform>%n note exported to {0}.</numerusform>
            <numerusform>%n notes exported to {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notitie(s) geïmporteerd.</source>
        <translation>
            <numerusform>%n note imported.</numerusform>
            <numerusform>%n notes imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPanel</name>
    <message>
        <source>Voorbeeld</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Aantal pagina’s</source>
        <translation>Number of pages</translation>
    </message>
    <message>
        <source>Vorige pagina</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Volgende pagina</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Op&amp;slaan als…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <source>Bewaar het getoonde rapport als PDF (Ctrl+S)</source>
        <translation>Save the report shown as a PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Druk het getoonde rapport af (Ctrl+P)</source>
        <translation>Print the report shown (Ctrl+P)</translation>
    </message>
    <message>
        <source>Op&amp;enen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Open het opgeslagen bestand in de PDF-lezer</source>
        <translation>Open the saved file in the PDF reader</translation>
    </message>
    <message numerus="yes">
        <source>%n pagina’s</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Rapport opslaan</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Kan niet opslaan als {0}: {1}.</source>
        <translation>Cannot save as {0}: {1}.</translation>
    </message>
    <message>
        <source>Opgeslagen als {0}.</source>
        <translation>Saved as {0}.</translation>
    </message>
    <message>
        <source>Rapport afdrukken</source>
        <translation>Print report</translation>
    </message>
    <message numerus="yes">
        <source>%n pagina’s naar de printer gestuurd.</source>
        <translation>
            <numerusform>%n page sent to the printer.</numerusform>
            <numerusform>%n pages sent to the printer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Het bestand {0} kon niet worden geopend. Is er een PDF-lezer geïnstalleerd?</source>
        <translation>The file {0} could not be opened. Is a PDF reader installed?</translation>
    </message>
    <message>
        <source>Sla het rapport eerst op.</source>
        <translation>Save the report first.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Kies links het rapport en druk op “Voorbeeld maken”. De pagina’s verschijnen hier.</source>
        <translation>Choose the report on the left and press “Make preview”. The pages appear here.</translation>
    </message>
    <message>
        <source>Het voorbeeld is niet beschikbaar: de Qt PDF-module (PySide6-Pdf) ontbreekt. Opslaan en openen werken wel.</source>
        <translation>The preview is not available: the Qt PDF module (PySide6-Pdf) is missing. Saving and opening still work.</translation>
    </message>
    <message>
        <source>Voorbeeld van het rapport</source>
        <translation>Preview of the report</translation>
    </message>
    <message>
        <source>Alle pagina’s onder elkaar; blader met de pijltjestoetsen.</source>
        <translation>All pages one below the other; scroll with the arrow keys.</translation>
    </message>
</context>
<context>
    <name>PortfolioTab</name>
    <message>
        <source>Portefeuilleverdeling</source>
        <translation>Division of portfolios</translation>
    </message>
    <message>
        <source>Tabel: collegeleden in de rijen, domeinen in de kolommen; kies een cel voor de details.</source>
        <translation>Table: executive board members in the rows, domains in the columns; choose a cell for the details.</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Geen portefeuilleverdeling</source>
        <translation>No portfolio division</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Details van het gekozen collegelid of de gekozen cel, met bron.</source>
        <translation>Details of the chosen board member or cell, with the source.</translation>
    </message>
    <message>
        <source>Voor {0} is geen portefeuilleverdeling bekend: de gegevens noemen geen collegeleden met portefeuilles.</source>
        <translation>No portfolio division is known for {0}: the data names no college members with portfolios.</translation>
    </message>
    <message>
        <source>≈ = {0}</source>
        <translation>≈ = {0}</translation>
    </message>
    <message>
        <source>— (afgeleid) = leeg volgens onze lezing, niet volgens de bron.</source>
        <translation>— (inferred) = empty by our reading, not by the source.</translation>
    </message>
    <message>
        <source>Dit programma verdeelt de portefeuilles niet over domeinen.</source>
        <translation>This programme does not divide the portfolios into domains.</translation>
    </message>
    <message>
        <source>“onbekend”: de bron noemt het niet.</source>
        <translation>“unknown”: the source does not say.</translation>
    </message>
    <message>
        <source>Kies een collegelid of een cel om de details en de bron te zien.</source>
        <translation>Choose a board member or a cell to see the details and the source.</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Alle portefeuilles</source>
        <translation>All portfolios</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Rij in de bron</source>
        <translation>Row in the source</translation>
    </message>
    <message>
        <source>Bron collegelid</source>
        <translation>Source for the board member</translation>
    </message>
    <message>
        <source>Bekeken als dit collegelid</source>
        <translation>Viewed as this board member</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Partij</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>Locoburgemeester</source>
        <translation>Deputy mayor</translation>
    </message>
    <message>
        <source>Geen portefeuille in deze kolom.</source>
        <translation>No portfolio in this column.</translation>
    </message>
    <message>
        <source>— (afgeleid)</source>
        <translation>— (inferred)</translation>
    </message>
    <message>
        <source>Regie over thema’s</source>
        <translation>Themes led</translation>
    </message>
    <message>
        <source>Opmerkingen bij de portefeuilleverdeling</source>
        <translation>Remarks on the portfolio allocation</translation>
    </message>
</context>
<context>
    <name>ProgrammeLoader</name>
    <message>
        <source>Gegevens openen…</source>
        <translation>Opening data…</translation>
    </message>
    <message>
        <source>{0} laden…</source>
        <translation>Loading {0}…</translation>
    </message>
</context>
<context>
    <name>ProgressEntryDialog</name>
    <message>
        <source>Voortgang invullen — {0}</source>
        <translation>Report progress — {0}</translation>
    </message>
    <message>
        <source>Acties van {0}</source>
        <translation>Actions of {0}</translation>
    </message>
    <message>
        <source>&amp;Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Haal de lijst opnieuw op van de server</source>
        <translation>Fetch the list from the server again</translation>
    </message>
    <message>
        <source>Verbonden met {0} als {1} ({2}), versleuteld (TLS)</source>
        <translation>Connected to {0} as {1} ({2}), encrypted (TLS)</translation>
    </message>
    <message>
        <source>Verbonden met {0} als {1} ({2}), niet versleuteld</source>
        <translation>Connected to {0} as {1} ({2}), not encrypted</translation>
    </message>
    <message numerus="yes">
        <source>%n actie(s) van {0}</source>
        <translation>
            <numerusform>%n action of {0}</numerusform>
            <numerusform>%n actions of {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Versturen…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Lijst ophalen…</source>
        <translation>Fetching the list…</translation>
    </message>
    <message>
        <source>Niet verstuurd</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>De voortgang van actie {0} is ingevuld maar niet verstuurd. Toch sluiten? Wat u typte gaat dan verloren.</source>
        <translation>The progress of action {0} is filled in but not sent. Close anyway? What you typed will then be lost.</translation>
    </message>
    <message>
        <source>Opgeslagen: actie {0}, {1} op {2} (versie {3}).</source>
        <translation>Saved: action {0}, {1} on {2} (version {3}).</translation>
    </message>
    <message>
        <source>Verbinding verbroken; niets opgeslagen.</source>
        <translation>Connection lost; nothing saved.</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Het versturen lukte niet door een onverwachte fout; er is niets opgeslagen en uw tekst staat nog in het formulier. De details staan in het logbestand.</source>
        <translation>Sending failed because of an unexpected error; nothing was saved and your text is still in the form. The details are in the log file.</translation>
    </message>
    <message>
        <source>De versie op de server blijft staan; uw versie is weggelaten.</source>
        <translation>The version on the server stands; your version was dropped.</translation>
    </message>
    <message>
        <source>Lijst bijgewerkt.</source>
        <translation>List updated.</translation>
    </message>
    <message>
        <source>De lijst ophalen lukte niet door een onverwachte fout; de details staan in het logbestand.</source>
        <translation>Fetching the list failed because of an unexpected error; the details are in the log file.</translation>
    </message>
</context>
<context>
    <name>ProgressEntryFeature</name>
    <message>
        <source>&amp;Voortgang invullen…</source>
        <translation>Report &amp;progress…</translation>
    </message>
    <message>
        <source>Vul als trekker de voortgang van uw acties in, rechtstreeks in de centrale database van de griffie</source>
        <translation>As a lead organisation, report the progress of your actions directly in the central database of the council clerk&apos;s office</translation>
    </message>
</context>
<context>
    <name>ProgressTab</name>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Historie</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Gepland</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Gerealiseerd</source>
        <translation>Spent</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Voortgang per actie</source>
        <translation>Progress per action</translation>
    </message>
    <message>
        <source>Voortgang wordt gelezen…</source>
        <translation>Reading progress…</translation>
    </message>
    <message>
        <source>Uitgaven per focusopgave</source>
        <translation>Spend per focus task</translation>
    </message>
    <message>
        <source>gepland</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>gerealiseerd (laatste rapportage)</source>
        <translation>realised (latest report)</translation>
    </message>
    <message>
        <source>(de eerste {0} van {1})</source>
        <translation>(the first {0} of {1})</translation>
    </message>
    <message>
        <source>geen bedrag: {0} × n.n.b.</source>
        <translation>no amount: {0} × TBD</translation>
    </message>
    <message>
        <source>n.v.t.</source>
        <translation>n/a</translation>
    </message>
    <message>
        <source>Overige acties</source>
        <translation>Other actions</translation>
    </message>
    <message>
        <source>nog niets gerapporteerd</source>
        <translation>nothing reported yet</translation>
    </message>
    <message>
        <source>Actie {0}: {1}</source>
        <translation>Action {0}: {1}</translation>
    </message>
    <message>
        <source>Focusopgave {0}: {1}</source>
        <translation>Focus task {0}: {1}</translation>
    </message>
    <message>
        <source>; zonder rapportage: {0}</source>
        <translation>; without a report: {0}</translation>
    </message>
    <message>
        <source>{0} heeft geen actieplan; er is geen voortgang van acties te tonen.</source>
        <translation>{0} has no action plan; there is no progress of actions to show.</translation>
    </message>
    <message>
        <source>{0}: nog geen voortgangsrapportage ontvangen. Stand op {1}, alleen uit de planning: bij {2} acties is het einde van de planning verstreken; er is geen status.</source>
        <translation>{0}: no progress report received yet. As of {1}, from the planning alone: the planned end of {2} actions has passed; there is no status.</translation>
    </message>
    <message>
        <source>{0}: stand op {1}, laatste rapportage {2} (peildatum {3}). {4}; geen rapportage {5}; te laat {6}.</source>
        <translation>{0}: as of {1}, latest report {2} (reporting date {3}). {4}; no report {5}; late {6}.</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>&amp;Thema’s…</source>
        <translation>&amp;Themes…</translation>
    </message>
    <message>
        <source>&amp;Regie van een collegelid…</source>
        <translation>Themes led by a board &amp;member…</translation>
    </message>
    <message>
        <source>&amp;Portefeuilleverdeling…</source>
        <translation>&amp;Division of portfolios…</translation>
    </message>
    <message>
        <source>&amp;Begroting Actieplan…</source>
        <translation>Action plan &amp;budget…</translation>
    </message>
    <message>
        <source>P&amp;lanning Actieplan…</source>
        <translation>Action plan p&amp;lanning…</translation>
    </message>
    <message>
        <source>&amp;Voortgang Actieplan…</source>
        <translation>Action plan &amp;progress…</translation>
    </message>
    <message>
        <source>&amp;Agendabijlage…</source>
        <translation>&amp;Agenda annex…</translation>
    </message>
    <message>
        <source>Persoonlijke voorbereiding (uit mijn &amp;notities)…</source>
        <translation>Personal b&amp;rief (from my notes)…</translation>
    </message>
    <message>
        <source>&amp;Rapporten</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>Rapport van deze &amp;weergave…</source>
        <translation>Report of this &amp;view…</translation>
    </message>
    <message>
        <source>Maak, bekijk en druk het rapport af dat bij het open tabblad hoort (Ctrl+P)</source>
        <translation>Make, view and print the report that goes with the open tab (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Rapport maken</source>
        <translation>Make report</translation>
    </message>
    <message>
        <source>Het rapport wordt gemaakt…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <source>Rapport maken…</source>
        <translation>Making report…</translation>
    </message>
    <message>
        <source>Het maken van het rapport is geannuleerd.</source>
        <translation>Making the report was cancelled.</translation>
    </message>
    <message>
        <source>&amp;Voorbeeld maken</source>
        <translation>&amp;Make preview</translation>
    </message>
    <message>
        <source>Maak het rapport en toon de pagina’s rechts (Ctrl+Enter)</source>
        <translation>Make the report and show its pages on the right (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop met het maken van dit rapport</source>
        <translation>Stop making this report</translation>
    </message>
    <message>
        <source>Bezig met het rapport</source>
        <translation>Working on the report</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Sl&amp;uiten</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Collegeleden laden…</source>
        <translation>Loading board members…</translation>
    </message>
    <message>
        <source>De keuzes zijn gewijzigd. Maak het voorbeeld opnieuw om op te slaan of af te drukken.</source>
        <translation>The choices have changed. Make the preview again to save or print.</translation>
    </message>
    <message>
        <source>Het rapport wordt gemaakt: {0}…</source>
        <translation>Making the report: {0}…</translation>
    </message>
    <message>
        <source>Het voorbeeld is klaar. Sla het op of druk het af.</source>
        <translation>The preview is ready. Save or print it.</translation>
    </message>
    <message>
        <source>Het rapport is gemaakt, maar het voorbeeld kan niet getoond worden.</source>
        <translation>The report has been made, but the preview cannot be shown.</translation>
    </message>
    <message>
        <source>Het rapport kon niet worden gemaakt door een onverwachte fout ({0}). De details staan in het logboek.</source>
        <translation>The report could not be made because of an unexpected error ({0}). The details are in the log.</translation>
    </message>
    <message>
        <source>Vul de titel van de vergadering in, bijvoorbeeld “Raadsvergadering”.</source>
        <translation>Enter the title of the meeting, for example “Raadsvergadering”.</translation>
    </message>
    <message>
        <source>Kies een geldige datum van de vergadering.</source>
        <translation>Choose a valid date for the meeting.</translation>
    </message>
    <message>
        <source>Kies bij “Collegelid” wiens regie het rapport toont.</source>
        <translation>Choose under “Board member” whose themes the report shows.</translation>
    </message>
    <message>
        <source>Kies welke onderdelen in de bijlage komen.</source>
        <translation>Choose which sections go into the annex.</translation>
    </message>
    <message>
        <source>Kies een geldige peildatum.</source>
        <translation>Choose a valid reporting date.</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>T&amp;hema’s en regie</source>
        <translation>T&amp;hemes and who leads them</translation>
    </message>
    <message>
        <source>Portefeuilleverdel&amp;ing</source>
        <translation>D&amp;ivision of portfolios</translation>
    </message>
    <message>
        <source>&amp;Begroting Actieplan</source>
        <translation>Action plan &amp;budget</translation>
    </message>
    <message>
        <source>P&amp;lanning Actieplan</source>
        <translation>Action plan p&amp;lanning</translation>
    </message>
    <message>
        <source>&amp;Regie van het collegelid</source>
        <translation>Themes &amp;led by the board member</translation>
    </message>
    <message>
        <source>Kies eerst een collegelid.</source>
        <translation>Choose a board member first.</translation>
    </message>
    <message>
        <source>Een bijlage heeft ten minste één onderdeel.</source>
        <translation>An annex has at least one section.</translation>
    </message>
    <message>
        <source>Soort rapport</source>
        <translation>Kind of report</translation>
    </message>
    <message>
        <source>Programma</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Collegelid</source>
        <translation>Board member</translation>
    </message>
    <message>
        <source>Nodig voor het rapport over regie; in een agendabijlage voor het onderdeel regie.</source>
        <translation>Needed for the report on the themes a member leads; in an agenda annex, for that section.</translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>So&amp;ort:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Programma:</source>
        <translation>&amp;Programme:</translation>
    </message>
    <message>
        <source>&amp;Collegelid:</source>
        <translation>&amp;Board member:</translation>
    </message>
    <message>
        <source>Alleen punten “bespreken in &amp;vergadering”</source>
        <translation>Only points to “discuss in &amp;meeting”</translation>
    </message>
    <message>
        <source>Peildatum van de voortgang</source>
        <translation>Reporting date of the progress</translation>
    </message>
    <message>
        <source>De stand op deze dag: rapportages van later tellen niet mee. Dag-maand-jaar; Alt+pijl omlaag opent de kalender.</source>
        <translation>The state on this day: later reports do not count. Day-month-year; Alt+Down opens the calendar.</translation>
    </message>
    <message>
        <source>P&amp;eildatum:</source>
        <translation>R&amp;eporting date:</translation>
    </message>
    <message>
        <source>bijvoorbeeld Raadsvergadering</source>
        <translation>for example Raadsvergadering</translation>
    </message>
    <message>
        <source>Titel van de vergadering</source>
        <translation>Title of the meeting</translation>
    </message>
    <message>
        <source>Datum van de vergadering</source>
        <translation>Date of the meeting</translation>
    </message>
    <message>
        <source>Dag-maand-jaar; Alt+pijl omlaag opent de kalender.</source>
        <translation>Day-month-year; Alt+Down arrow opens the calendar.</translation>
    </message>
    <message>
        <source>bijvoorbeeld 7 (niet verplicht)</source>
        <translation>for example 7 (optional)</translation>
    </message>
    <message>
        <source>Agendapunt</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <source>Vergadering</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>&amp;Titel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>A&amp;gendapunt:</source>
        <translation>A&amp;genda item:</translation>
    </message>
    <message>
        <source>Onderdelen van de bijlage</source>
        <translation>Sections of the annex</translation>
    </message>
    <message>
        <source>Onderdelen:</source>
        <translation>Sections:</translation>
    </message>
    <message>
        <source>Geen collegelid</source>
        <translation>No board member</translation>
    </message>
</context>
<context>
    <name>ReportKind</name>
    <message>
        <source>Thema’s en regie</source>
        <translation>Themes and who leads them</translation>
    </message>
    <message>
        <source>Regie van een collegelid</source>
        <translation>Themes led by a board member</translation>
    </message>
    <message>
        <source>Portefeuilleverdeling</source>
        <translation>Division of portfolios</translation>
    </message>
    <message>
        <source>Begroting Actieplan</source>
        <translation>Action plan budget</translation>
    </message>
    <message>
        <source>Planning Actieplan</source>
        <translation>Action plan planning</translation>
    </message>
    <message>
        <source>Voortgangsrapportage Actieplan</source>
        <translation>Action plan progress report</translation>
    </message>
    <message>
        <source>Agendabijlage voor een vergadering</source>
        <translation>Agenda annex for a meeting</translation>
    </message>
    <message>
        <source>Persoonlijke voorbereiding (uit mijn notities)</source>
        <translation>Personal preparation (from my notes)</translation>
    </message>
</context>
<context>
    <name>RollbackDialog</name>
    <message>
        <source>Vorige versie terugzetten</source>
        <translation>Restore previous version</translation>
    </message>
    <message>
        <source>Kies een eerder gebruikte versie van de gegevens. U ziet eerst wat er verandert; uw notities blijven zoals ze zijn.</source>
        <translation>Choose a previously used version of the data. You first see what changes; your notes stay as they are.</translation>
    </message>
    <message>
        <source>Bewaarde versies</source>
        <translation>Kept versions</translation>
    </message>
    <message>
        <source>Bewaarde versies zoeken…</source>
        <translation>Looking for kept versions…</translation>
    </message>
    <message>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Wijzigingen bij terugzetten</source>
        <translation>Changes on restoring</translation>
    </message>
    <message>
        <source>&amp;Terugzetten…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Terugzetten…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>Gegevens die u gebruikte tot {0}</source>
        <translation>Data you used until {0}</translation>
    </message>
    <message>
        <source>Teruggezet: de gegevens die u gebruikte tot {0}. Uw notities zijn niet gewijzigd.</source>
        <translation>Restored: the data you used until {0}. Your notes have not changed.</translation>
    </message>
    <message>
        <source>{0} — onbruikbaar bestand</source>
        <translation>{0} — unusable file</translation>
    </message>
    <message>
        <source>De gegevens die u gebruikte tot {0} terugzetten? Uw notities blijven zoals ze zijn.</source>
        <translation>Restore the data you used until {0}? Your notes stay as they are.</translation>
    </message>
    <message>
        <source>Gegevensversie (voor de griffie): {0}</source>
        <translation>Data version (for the council clerk&apos;s office): {0}</translation>
    </message>
    <message>
        <source>Er is nog geen eerdere versie bewaard. Na een synchronisatie die nieuwe gegevens brengt, wordt de vorige versie hier bewaard.</source>
        <translation>No earlier version has been kept yet. After a sync that brings new data, the previous version is kept here.</translation>
    </message>
    <message>
        <source>Verschillen bepalen…</source>
        <translation>Finding differences…</translation>
    </message>
    <message numerus="yes">
        <source>Terugzetten verandert %n onderdeel/onderdelen ten opzichte van de huidige gegevens.</source>
        <translation>
            <numerusform>Restoring changes %n item compared with the current data.</numerusform>
            <numerusform>Restoring changes %n items compared with the current data.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deze versie verschilt niet van de huidige gegevens.</source>
        <translation>This version does not differ from the current data.</translation>
    </message>
    <message>
        <source>Terugzetten lukt niet: {0}</source>
        <translation>Restoring failed: {0}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Zoeken in alles… (Ctrl+F)</source>
        <translation>Search everything… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Zoek in thema’s, hoofdstukken, acties, begrotingen, portefeuilles en personen.</source>
        <translation>Search themes, chapters, actions, budgets, portfolios and people.</translation>
    </message>
    <message>
        <source>Zoekresultaten</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Aantal zoekresultaten</source>
        <translation>Number of search results</translation>
    </message>
    <message>
        <source>Resultaten per soort; Enter opent het gekozen resultaat.</source>
        <translation>Results per kind; Enter opens the chosen result.</translation>
    </message>
    <message numerus="yes">
        <source>%n resultaten voor “{0}”</source>
        <translation>
            <numerusform>%n result for “{0}”</numerusform>
            <numerusform>%n results for “{0}”</numerusform>
        </translation>
    </message>
    <message>
        <source>Geen resultaten voor “{0}”.</source>
        <translation>No results for “{0}”.</translation>
    </message>
    <message>
        <source>Zoeken lukte niet; probeer andere woorden. ({0})</source>
        <translation>The search failed; try other words. ({0})</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Velsen Desk haalt nieuwe gegevens op uit de gedeelde map waarin de griffie publiceert. Zonder gedeelde map werkt u met de meegeleverde gegevens.</source>
        <translation>Velsen Desk fetches new data from the shared folder the council clerk’s office publishes to. Without a shared folder you work with the data supplied with the program.</translation>
    </message>
    <message>
        <source>geen gedeelde map ingesteld</source>
        <translation>no shared folder set</translation>
    </message>
    <message>
        <source>Gedeelde map</source>
        <translation>Shared folder</translation>
    </message>
    <message>
        <source>&amp;Bladeren…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Gedeelde map kiezen</source>
        <translation>Choose shared folder</translation>
    </message>
    <message>
        <source>&amp;Wissen</source>
        <translation>Clea&amp;r</translation>
    </message>
    <message>
        <source>Gedeelde map wissen</source>
        <translation>Clear shared folder</translation>
    </message>
    <message>
        <source>&amp;Gedeelde map:</source>
        <translation>&amp;Shared folder:</translation>
    </message>
    <message>
        <source>Volg het systeem</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>&amp;Taal:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Griffiemodus: toon het menu Beheer om de gegevens bij te werken en te publiceren</source>
        <translation>Clerk &amp;mode: show the Manage menu to update and publish the data</translation>
    </message>
    <message>
        <source>Griffie:</source>
        <translation>Council clerk’s office:</translation>
    </message>
    <message>
        <source>Een andere taal geldt vanaf de volgende start van Velsen Desk.</source>
        <translation>A different language takes effect the next time Velsen Desk starts.</translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation>Sa&amp;ve</translation>
    </message>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Kies de gedeelde map</source>
        <translation>Choose the shared folder</translation>
    </message>
    <message>
        <source>De instellingen konden niet bewaard worden ({0}).</source>
        <translation>The settings could not be saved ({0}).</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Sneltoetsen</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Toetsen</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Opdracht</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>overal</source>
        <translation>everywhere</translation>
    </message>
    <message>
        <source>Verder: Tab en Shift+Tab gaan naar het volgende of vorige onderdeel van het venster, de pijltjestoetsen bewegen binnen een lijst of tabel, Alt met de onderstreepte letter kiest een menu of veld.</source>
        <translation>Also: Tab and Shift+Tab move to the next or previous part of the window, the arrow keys move within a list or table, Alt with the underlined letter chooses a menu or field.</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StatusForm</name>
    <message>
        <source>&amp;Laatste opgave overnemen</source>
        <translation>&amp;Copy the last report</translation>
    </message>
    <message>
        <source>Vul het formulier met de laatst opgegeven status, toelichting en uitgave, om alleen aan te passen wat veranderd is</source>
        <translation>Fill the form with the last reported status, explanation and spend, to change only what changed</translation>
    </message>
    <message>
        <source>Peildatum</source>
        <translation>Reference date</translation>
    </message>
    <message>
        <source>kies een status</source>
        <translation>choose a status</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>verplicht bij oranje, rood en gestopt</source>
        <translation>required with oranje, rood and gestopt</translation>
    </message>
    <message>
        <source>&amp;bedrag:</source>
        <translation>&amp;amount:</translation>
    </message>
    <message>
        <source>Er is (nog) niets uitgegeven</source>
        <translation>Nothing has been spent (yet)</translation>
    </message>
    <message>
        <source>Niet van toepassing: deze actie heeft geen kosten</source>
        <translation>Not applicable: this action has no costs</translation>
    </message>
    <message>
        <source>Nog niet bekend: er zijn kosten, maar het bedrag is onbekend</source>
        <translation>Not yet known: there are costs, but the amount is unknown</translation>
    </message>
    <message>
        <source>bijv. 12.500</source>
        <translation>e.g. 12.500</translation>
    </message>
    <message>
        <source>Gerealiseerd bedrag in euro</source>
        <translation>Amount spent in euros</translation>
    </message>
    <message>
        <source>&amp;Versturen</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>&amp;Peildatum:</source>
        <translation>&amp;Reference date:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Toelichting:</source>
        <translation>&amp;Explanation:</translation>
    </message>
    <message>
        <source>Gerealiseerde uitgave:</source>
        <translation>Spent:</translation>
    </message>
    <message>
        <source>Kies links een actie.</source>
        <translation>Choose an action on the left.</translation>
    </message>
    <message>
        <source>Actie {0}: {1}</source>
        <translation>Action {0}: {1}</translation>
    </message>
    <message>
        <source>Nog geen voortgang opgegeven.</source>
        <translation>No progress reported yet.</translation>
    </message>
    <message>
        <source>Laatste opgave: {0} op {1} (versie {2}).</source>
        <translation>Last report: {0} on {1} (version {2}).</translation>
    </message>
    <message>
        <source>Kies eerst een actie.</source>
        <translation>Choose an action first.</translation>
    </message>
    <message>
        <source>Kies een status.</source>
        <translation>Choose a status.</translation>
    </message>
    <message>
        <source>Bij status {0} hoort een toelichting: schrijf waarom.</source>
        <translation>Status {0} needs an explanation: write why.</translation>
    </message>
    <message>
        <source>Vul het gerealiseerde bedrag in, of kies € 0, n.v.t. of n.n.b.</source>
        <translation>Fill in the amount spent, or choose € 0, n.v.t. or n.n.b.</translation>
    </message>
    <message>
        <source>‘{0}’ is geen bedrag in hele euro’s; schrijf bijvoorbeeld 12.500.</source>
        <translation>‘{0}’ is not an amount in whole euros; write for example 12.500.</translation>
    </message>
    <message>
        <source>Kies bij de gerealiseerde uitgave een bedrag, € 0, n.v.t. of n.n.b.</source>
        <translation>For the spend, choose an amount, € 0, n.v.t. or n.n.b.</translation>
    </message>
    <message>
        <source>Bezig met versturen…</source>
        <translation>Sending…</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Er is nog geen gedeelde map ingesteld. Kies er een via Bestand → Instellingen…</source>
        <translation>No shared folder has been set yet. Choose one via File → Settings…</translation>
    </message>
    <message>
        <source>Synchroniseren mislukt ({0}). U werkt verder met uw lokale kopie.</source>
        <translation>Sync failed ({0}). You continue with your local copy.</translation>
    </message>
</context>
<context>
    <name>SyncFeature</name>
    <message>
        <source>&amp;Synchroniseren</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <source>Nieuwe gegevens ophalen uit de gedeelde map (F5)</source>
        <translation>Fetch new data from the shared folder (F5)</translation>
    </message>
    <message>
        <source>&amp;Instellingen…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Wat is er veranderd…</source>
        <translation>&amp;What has changed…</translation>
    </message>
    <message>
        <source>Vergelijk de huidige gegevens met de vorige versie</source>
        <translation>Compare the current data with the previous version</translation>
    </message>
    <message>
        <source>Vorige versie &amp;terugzetten…</source>
        <translation>Res&amp;tore previous version…</translation>
    </message>
    <message>
        <source>Ga terug naar een eerder gebruikte, bewaarde versie van de gegevens</source>
        <translation>Go back to a previously used, kept version of the data</translation>
    </message>
    <message>
        <source>Laatste synchronisatie</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>Wat is er veranderd</source>
        <translation>What has changed</translation>
    </message>
    <message>
        <source>Laatste synchronisatie: {0}</source>
        <translation>Last sync: {0}</translation>
    </message>
    <message>
        <source>Nog niet gesynchroniseerd</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>Verschillen bepalen…</source>
        <translation>Finding differences…</translation>
    </message>
    <message>
        <source>Instellingen bewaard.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>Synchroniseren…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Synchroniseren: {0} van {1} MB gekopieerd</source>
        <translation>Syncing: {0} of {1} MB copied</translation>
    </message>
    <message>
        <source>U werkt met een teruggezette versie; synchroniseer (F5) om de nieuwste op te halen.</source>
        <translation>You are working with a restored version; sync (F5) to fetch the newest.</translation>
    </message>
    <message>
        <source>Gesynchroniseerd: u hebt de nieuwste gegevens van de griffie.</source>
        <translation>Synchronised: you have the newest data of the council clerk&apos;s office.</translation>
    </message>
    <message>
        <source>Nieuwe gegevens van de griffie binnengehaald. Zie “Wat is er veranderd…”.</source>
        <translation>New data from the council clerk&apos;s office fetched. See “What has changed…”.</translation>
    </message>
    <message>
        <source>De vorige versie van de gegevens is teruggezet.</source>
        <translation>The previous version of the data has been restored.</translation>
    </message>
    <message>
        <source>Synchroniseren mislukt: {0}</source>
        <translation>Sync failed: {0}</translation>
    </message>
    <message>
        <source>Synchroniseren mislukt</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <source>Vergelijken lukte niet: {0}</source>
        <translation>Comparing failed: {0}</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <source>Voortgang</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Annuleren…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>ThemesTab</name>
    <message>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Boom van de onderdelen van het programma; kies een onderdeel om de details te zien.</source>
        <translation>Tree of the parts of the programme; choose one to see its details.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Details van het gekozen thema met bronnen en gekoppelde acties.</source>
        <translation>Details of the chosen theme with sources and linked actions.</translation>
    </message>
    <message>
        <source>Kies een thema om de regiehouder, de hoofdstukken, de acties en de bronnen te zien.</source>
        <translation>Choose a theme to see who leads it, its chapters, actions and sources.</translation>
    </message>
    <message>
        <source>Dit programma kent geen thema’s; hier staan de opgaven met hun speerpunten, en de impulsprojecten.</source>
        <translation>This programme has no themes; here are the tasks with their spearheads, and the impulse projects.</translation>
    </message>
    <message>
        <source>Dit programma kent geen thema’s; hier staan de opgaven met hun speerpunten.</source>
        <translation>This programme has no themes; here are the tasks with their spearheads.</translation>
    </message>
    <message>
        <source>Dit programma kent geen thema’s; hier staan de hoofdstukken met hun focuspunten.</source>
        <translation>This programme has no themes; here are the chapters with their focus points.</translation>
    </message>
    <message>
        <source>doel {0}</source>
        <translation>target {0}</translation>
    </message>
    <message>
        <source>Thema {0}: {1}</source>
        <translation>Theme {0}: {1}</translation>
    </message>
    <message>
        <source>Focuspunt {0}: {1}</source>
        <translation>Focus point {0}: {1}</translation>
    </message>
    <message>
        <source>Regie van {0}</source>
        <translation>Themes led by {0}</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Legenda en lijsten</source>
        <translation>Legend and lists</translation>
    </message>
    <message>
        <source>Legenda van de tijdlijn en de acties met onbekende of terugkerende planning.</source>
        <translation>Legend of the timeline and the actions with unknown or recurring planning.</translation>
    </message>
    <message>
        <source>Actieplan</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>Het Actieplan waarvan de tijdlijn getoond wordt.</source>
        <translation>The action plan whose timeline is shown.</translation>
    </message>
    <message>
        <source>Actiepla&amp;n:</source>
        <translation>Action pla&amp;n:</translation>
    </message>
    <message>
        <source>vandaag</source>
        <translation>today</translation>
    </message>
    <message>
        <source>planning onbekend: {0}</source>
        <translation>planning unknown: {0}</translation>
    </message>
    <message>
        <source>terugkerend, jaren niet genoemd: {0}</source>
        <translation>recurring, years not named: {0}</translation>
    </message>
    <message>
        <source>de bron noemt geen planning</source>
        <translation>the source gives no planning</translation>
    </message>
    <message>
        <source>Actie {number}: {title}
Trekker: {trekker}
Planning (zoals geschreven): {planning}</source>
        <translation>Action {number}: {title}
Lead party: {trekker}
Planning (as written): {planning}</translation>
    </message>
    <message>
        <source>Lopende tekst: {0}</source>
        <translation>Running text: {0}</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Geen tijdlijn&lt;/h2&gt;&lt;p&gt;Het programma “{0}” heeft geen Actieplan met een planning.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;No timeline&lt;/h2&gt;&lt;p&gt;The programme “{0}” has no action plan with a planning.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Planning onbekend</source>
        <translation>Planning unknown</translation>
    </message>
    <message>
        <source>Zonder focusopgave</source>
        <translation>Without focus task</translation>
    </message>
    <message>
        <source>Voortgang</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Nog geen voortgangsrapportage ontvangen: de balken tonen geen status.</source>
        <translation>No progress report received yet: the bars show no status.</translation>
    </message>
    <message>
        <source>Achter elke balk de laatste status (peildatum {0}); in rood: te laat.</source>
        <translation>After each bar its latest status (reporting date {0}); in red: late.</translation>
    </message>
    <message>
        <source>Te laat</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Einde planning verstreken, geen rapportage</source>
        <translation>Planned end passed, no report</translation>
    </message>
    <message>
        <source>dikke rand: gekoppeld aan een thema met mijn regie (of de bron die koppeling legt, staat bij de actie)</source>
        <translation>thick border: linked to a theme I direct (whether the source makes that link is shown with the action)</translation>
    </message>
    <message>
        <source>De balk volgt de tabel; de lopende tekst van het Actieplan zegt iets anders.</source>
        <translation>The bar follows the table; the running text of the action plan says otherwise.</translation>
    </message>
    <message>
        <source>Trekkers</source>
        <translation>Lead parties</translation>
    </message>
    <message>
        <source>Precisie</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>kwartaal of halfjaar (vol)</source>
        <translation>quarter or half-year (solid)</translation>
    </message>
    <message>
        <source>jaar of schooljaar (gearceerd, minder precies)</source>
        <translation>year or school year (hatched, less precise)</translation>
    </message>
    <message>
        <source>open einde (vervaagt)</source>
        <translation>open end (fades)</translation>
    </message>
    <message>
        <source>terugkerend (jaren niet genoemd)</source>
        <translation>recurring (years not given)</translation>
    </message>
    <message>
        <source>Planning niet zeker</source>
        <translation>Planning not certain</translation>
    </message>
    <message>
        <source>lopende tekst</source>
        <translation>running text</translation>
    </message>
    <message>
        <source>Actie {0}</source>
        <translation>Action {0}</translation>
    </message>
    <message>
        <source>Geen.</source>
        <translation>None.</translation>
    </message>
    <message>
        <source>Terugkerend</source>
        <translation>Recurring</translation>
    </message>
</context>
<context>
    <name>ViewBar</name>
    <message>
        <source>&amp;Programma:</source>
        <translation>&amp;Programme:</translation>
    </message>
    <message>
        <source>Programma</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Kies het programma dat u wilt lezen.</source>
        <translation>Choose the programme you want to read.</translation>
    </message>
    <message>
        <source>Bekijk &amp;als:</source>
        <translation>View &amp;as:</translation>
    </message>
    <message>
        <source>Bekijk als</source>
        <translation>View as</translation>
    </message>
    <message>
        <source>Kies een collegelid om zijn of haar portefeuilles en regie-thema’s te markeren.</source>
        <translation>Choose a board member to highlight their portfolios and the themes they lead.</translation>
    </message>
    <message>
        <source>Alleen &amp;mijn regie</source>
        <translation>Only themes I &amp;lead</translation>
    </message>
    <message>
        <source>Toon bij een gekozen collegelid alleen de eigen regie-thema’s (Ctrl+M)</source>
        <translation>With a board member chosen, show only the themes they lead (Ctrl+M)</translation>
    </message>
    <message>
        <source>Iedereen</source>
        <translation>Everyone</translation>
    </message>
</context>
</TS>
