import { describe, expect, it } from 'vitest';
import { S3Error } from '../../src/errors';
import { childrenNamed, childText, parseXmlRequest } from '../../src/s3-server/xml-request-body';

const codeOf = (text: string): string | undefined => {
  try {
    parseXmlRequest(text);
    return undefined;
  } catch (error) {
    return error instanceof S3Error ? error.code : 'other';
  }
};

describe('parseXmlRequest', () => {
  it('reads a DeleteObjects body as the SDK writes it: declaration, namespace, entities, keys with spaces kept', () => {
    const document = parseXmlRequest(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key> a &amp; b &lt;c&gt; &quot;&apos; </Key></Object><Object><Key>x&#10;y&#x1F600;</Key><VersionId>null</VersionId></Object><Quiet>true</Quiet></Delete>',
    );
    expect(document.name).toBe('Delete');
    expect(childrenNamed(document, 'Object').map((entry) => childText(entry, 'Key'))).toEqual([
      ' a & b <c> "\' ',
      'x\ny😀',
    ]);
    expect(childText(document, 'Quiet')).toBe('true');
    expect(childText(document, 'Missing')).toBeUndefined();
  });

  it('reads CDATA, comments, prefixed names and self-closing elements', () => {
    const document = parseXmlRequest(
      '<!-- c --><s3:CompleteMultipartUpload xmlns:s3="x"><Part><PartNumber>1</PartNumber><ETag><![CDATA["abc<>"]]></ETag><Empty/></Part><!-- d --></s3:CompleteMultipartUpload>\n',
    );
    const [part] = childrenNamed(document, 'Part');
    expect([
      document.name,
      childText(part!, 'PartNumber'),
      childText(part!, 'ETag'),
      childText(part!, 'Empty'),
    ]).toEqual(['CompleteMultipartUpload', '1', '"abc<>"', '']);
  });

  it('refuses malformed XML, DOCTYPEs, unknown entities and trailing content with MalformedXML', () => {
    for (const text of [
      '',
      'not xml',
      '<a><b></a>',
      '<a>',
      '<a>&unknown;</a>',
      '<a>&amp</a>',
      '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
      '<a></a><b></b>',
      '<a></A>',
    ]) {
      expect([text, codeOf(text)]).toEqual([text, 'MalformedXML']);
    }
  });
});
