/**
 * Project descriptions and report narratives in bokmål. They deliberately contain numbers (ages,
 * user counts) and prose that a reader has to tell apart from the fields; they never state a
 * position count, an amount or a partner that the case does not state.
 */

export interface Project {
  name: string;
  paragraphs: string[];
}

export function factUng(place: string, hfName: string): Project {
  return {
    name: `FACT-ung ${place}`,
    paragraphs: [
      `FACT-ung ${place} skal gi et helhetlig, oppsøkende og fleksibelt tilbud til ungdom i alderen 12–25 år ` +
        'med sammensatte psykiske helse- og rusmiddelproblemer, som ikke nyttiggjør seg ordinære tjenester.',
      `Teamet bygges opp som et integrert samarbeid mellom kommunens tjenester for barn og unge og ${hfName}, ` +
        'med felles inntak, felles behandlingsmøter og en tavle for tett oppfølging av ungdom i krise.',
      'Ungdom og foresatte har deltatt i planleggingen gjennom ungdomsrådet og en referansegruppe med ' +
        'erfaringskonsulent. Teamet vil følge FACT-ung-manualen og delta i nasjonal implementeringsstøtte.',
    ],
  };
}

export function lavterskel(place: string): Project {
  return {
    name: `Ung Arena ${place}`,
    paragraphs: [
      `Ung Arena ${place} skal være et lavterskel psykisk helsetilbud for barn og unge mellom 12 og 25 år, ` +
        'uten henvisning og med tilpassede åpningstider på ettermiddag og kveld.',
      'Tilbudet samler helsesykepleier, psykolog, ruskonsulent og miljøterapeut på ett sted, og tilbyr ' +
        'samtaler, kartlegging, korte behandlingsforløp og digitale konsultasjoner ved behov.',
      'Ungdom er med i utformingen gjennom et eget ungdomspanel som møtes annenhver måned.',
    ],
  };
}

export function actFact(place: string, hfName: string | null): Project {
  return {
    name: `FACT-team ${place}`,
    paragraphs: [
      `FACT-team ${place} skal gi koordinerte, oppsøkende tjenester til voksne med alvorlige psykiske lidelser ` +
        'og/eller rusmiddelproblemer som har behov for langvarig og sammensatt oppfølging.',
      hfName
        ? `Teamet er tverrfaglig sammensatt med ansatte fra kommunen og ${hfName}, herunder psykiater, ` +
          'psykologspesialist, psykiatrisk sykepleier, vernepleier, ruskonsulent og erfaringskonsulent.'
        : 'Teamet er tverrfaglig sammensatt med psykiatrisk sykepleier, vernepleier, ruskonsulent og ' +
          'erfaringskonsulent, og har faste avtaler om legetjenester.',
      'Målgruppen anslås til 40–50 personer. Teamet skal ha utvidet åpningstid og arbeide etter FACT-modellen ' +
        'med fidelitetsmåling hvert år.',
    ],
  };
}

export function housingFirst(place: string, forprosjekt: boolean): Project {
  return {
    name: `Housing First ${place}`,
    paragraphs: [
      `${place} kommune ønsker å etablere Housing First for personer med langvarig bostedsløshet og samtidige ` +
        'rus- og psykiske helseproblemer, der egen bolig er utgangspunktet for oppfølgingen.',
      forprosjekt
        ? 'Forprosjektet skal kartlegge målgruppen, avklare boligtilgang med boligkontoret, utarbeide ' +
          'modellbeskrivelse og rekruttere et tverrfaglig team før oppstart.'
        : 'Teamet skal gi oppsøkende og fleksibel oppfølging i hjemmet etter modellens prinsipper, med ' +
          'brukernes egne mål som grunnlag.',
      'Brukerorganisasjoner og erfaringskonsulenter er med i prosjektgruppen.',
    ],
  };
}

export function lasso(place: string): Project {
  return {
    name: `Lavterskel LAR ${place}`,
    paragraphs: [
      `Forprosjektet skal utrede et lavterskel substitusjonsbehandlingstilbud i ${place} etter modell av LASSO, ` +
        'for personer med opioidavhengighet som ikke er i behandling i dag.',
      'Forprosjektet skal beskrive målgruppe, organisering, samarbeid om forskrivning og utlevering, og ' +
        'gjennomføre dialogmøter med brukerorganisasjonene.',
    ],
  };
}

export function rusarbeid(place: string, focus: 'oppsokende' | 'moteplass' | 'parorende'): Project {
  switch (focus) {
    case 'oppsokende':
      return {
        name: `Oppsøkende rusteam ${place}`,
        paragraphs: [
          `Kommunen vil etablere et oppsøkende team som skal nå ungdom og unge voksne i ${place} som er i ` +
            'risiko for å utvikle, eller som har, rusmiddelrelaterte problemer, samt deres pårørende.',
          'Teamet skal være tverrsektorielt og flerfaglig, med medarbeidere fra både helsetjenesten og ' +
            'sosialtjenesten, og ha faste tider på steder der ungdom oppholder seg.',
          'Tilbudet er utviklet sammen med brukere og pårørende, og skal evalueres sammen med dem underveis.',
        ],
      };
    case 'moteplass':
      return {
        name: `Møteplassen ${place}`,
        paragraphs: [
          `Møteplassen skal være et lett tilgjengelig dagtilbud i sentrum av ${place} for personer med ` +
            'rusmiddelproblemer, med aktiviteter, måltider og tilrettelegging for arbeidsrettet aktivitet.',
          'Tilbudet drives med høy grad av brukermedvirkning, og erfaringskonsulenter er en del av bemanningen.',
        ],
      };
    case 'parorende':
      return {
        name: `Pårørendetilbud ${place}`,
        paragraphs: [
          'Tiltaket skal gi pårørende, særlig barn som pårørende, et systematisk tilbud om samtaler, ' +
            'grupper og kurs, og styrke samarbeidet mellom tjenestene og pårørendeorganisasjonene.',
          'Tilbudet utvikles, gjennomføres og evalueres sammen med brukere og pårørende.',
        ],
      };
  }
}

export function overgang(place: string): Project {
  return {
    name: `Videreføring av stillinger i rustjenesten, ${place}`,
    paragraphs: [
      `${place} kommune mottok tilskudd til kommunalt rusarbeid i 2021 og søker om videreføring av de ` +
        'eksisterende stillingene i rustjenesten gjennom overgangsordningen.',
      'Stillingene gir oppfølging i bolig, samtaler og koordinering for personer med rusmiddelrelaterte ' +
        'problemer. Kommunens egenfinansiering økes i takt med at tilskuddet trappes ned, og stillingene ' +
        'er innarbeidet i økonomiplanen.',
    ],
  };
}

export function tryggEst(place: string): Project {
  return {
    name: `TryggEst ${place} – kompetanseheving`,
    paragraphs: [
      `${place} kommune har vedtatt å innføre TryggEst og har utnevnt en TryggEst-koordinator. Midlene skal ` +
        'brukes til kompetanseheving om vold og overgrep mot risikoutsatte voksne.',
      'Det planlegges kurs for ansatte i hjemmetjenesten og i tjenester for personer med funksjonsnedsettelse, lokale ' +
        'fagdager, informasjonsmateriell på flere språk og samtalegrupper for målgruppen.',
      'Tiltakene gjennomføres over to år, og kommunen vil rapportere på bruken av midlene etter endt periode.',
    ],
  };
}

export function navSosial(place: string): Project {
  return {
    name: `Styrket oppfølging av barnefamilier, NAV ${place}`,
    paragraphs: [
      `NAV ${place} vil styrke de sosiale tjenestene med veiledere som skal gi helhetlig og samordnet ` +
        'oppfølging av barnefamilier og langtidsmottakere av økonomisk sosialhjelp.',
      'Stillingene skal særlig arbeide med sårbare overganger, blant annet løslatelse etter ' +
        'straffegjennomføring og overgangen mellom utdanning og arbeidsliv.',
    ],
  };
}

export function smittevern(place: string): Project {
  return {
    name: `Gjenåpning av lavterskeltilbud, ${place}`,
    paragraphs: [
      `Under koronasituasjonen måtte ${place} kommune stenge dagtilbudet for personer med rus- og psykiske ` +
        'helseproblemer. Tilbudet skal nå gjenåpnes og tilpasses smittevernhensyn.',
      'Det er behov for økt bemanning for å kunne drive flere og mindre grupper, leie av større lokaler og ' +
        'transport av brukere som ikke kan benytte kollektivtransport.',
    ],
  };
}

export function reportNarrative(kind: 'rus' | 'voksne' | 'barn-unge', users: number): string[] {
  switch (kind) {
    case 'rus':
      return [
        `Tiltaket har i løpet av året vært i kontakt med ${users} personer, og ${Math.round(users / 3)} av dem ` +
          'har hatt jevnlig oppfølging. Brukerrådet har vært med på å evaluere tilbudet.',
        'Samarbeidet med brukerorganisasjonene er videreutviklet, og tilbudet er innarbeidet i kommunens ' +
          'rusplan. Tiltaket videreføres neste år.',
      ];
    case 'voksne':
      return [
        `Teamet har fulgt opp ${users} pasienter gjennom året. Fidelitetsmålingen viste god modelltrohet, ` +
          'med forbedringspunkter knyttet til arbeidsrettet oppfølging.',
        'Innleggelser og tvangsinnleggelser i målgruppen er redusert sammenlignet med året før.',
      ];
    case 'barn-unge':
      return [
        `Tilbudet har hatt ${users} ungdommer i oppfølging. Ventetiden er redusert, og flere har fått hjelp ` +
          'tidligere enn før.',
        'Ungdomspanelet har gitt innspill som har ført til endrede åpningstider.',
      ];
  }
}

/** Not one of the schemes: a healthy-living centre, for UNKNOWN_SCHEME. */
export function frisklivs(place: string): Project {
  return {
    name: `Frisklivssentralen ${place}`,
    paragraphs: [
      `Frisklivssentralen i ${place} gir tilbud om endring av levevaner innen fysisk aktivitet, kosthold, ` +
        'søvn og tobakk, og kurs i mestring av depresjon og belastning for innbyggere i hele regionen.',
      'Midlene skal brukes til å utvide tilbudet med læring og mestring for personer med kroniske sykdommer, ' +
        'i samarbeid med frivillige lag og foreninger i kommunen.',
    ],
  };
}
