import { renderJunit } from '../../lib/report/junit';
import { brokenAppReport, goodAppReport } from './support/broken-app-report';

describe('JUnit XML', () => {
  it('has one case per matrix cell and per finding, failing forbidden/unresolved cells and error findings', () => {
    const xml = renderJunit(brokenAppReport(), { lang: 'en' });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('<testsuites name="closed-telework" tests="92" failures="5" errors="0">');
    expect(xml).toContain('<testsuite name="tier matrix" tests="90" failures="3"');
    expect(xml).toContain('<testsuite name="findings" tests="2" failures="2"');
    expect(xml).toContain('<testcase classname="closed-telework.matrix" name="LGWAN tier → Internet tier"><failure type="violation" message="FORBIDDEN PATH">1. entry — leaves subnet LgwanSubnet1 (10.2.0.0/24)');
    expect(xml).toContain('name="Personal-number tier → The internet"><failure type="unresolved"');
    expect(xml).toContain('<testcase classname="closed-telework.TIER-CROSSING" name="#1 TIER-CROSSING: LGWAN tier reaches the internet tier through VPC peering"><failure');
  });

  it('passes every case for a good app', () => {
    const xml = renderJunit(goodAppReport(), { lang: 'en' });
    expect(xml).toContain('tests="90" failures="0"');
    expect(xml).not.toContain('<failure');
  });

  it('reports warnings without failing', () => {
    const input = goodAppReport();
    input.findings = [{ ...brokenAppReport().findings[1]!, severity: 'warning' }];
    const xml = renderJunit(input, { lang: 'en' });
    expect(xml).toContain('failures="0"');
    expect(xml).toContain('<system-out>');
  });
});
