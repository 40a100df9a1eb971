import { sniffDocumentType } from './content-sniffer';

describe('sniffDocumentType', () => {
  it('recognises PDF, PNG and JPEG by their content', () => {
    expect(sniffDocumentType(Buffer.from('%PDF-1.7\n%%EOF\n'))).toEqual({ contentType: 'application/pdf', extension: 'pdf' });
    expect(sniffDocumentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual({ contentType: 'image/png', extension: 'png' });
    expect(sniffDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toEqual({ contentType: 'image/jpeg', extension: 'jpg' });
  });

  it('refuses everything else, whatever it is called', () => {
    expect(sniffDocumentType(Buffer.from('MZ\x90\x00 an executable renamed to verslag.pdf'))).toBeNull();
    expect(sniffDocumentType(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(sniffDocumentType(Buffer.from('PK\x03\x04 a .docx'))).toBeNull();
    expect(sniffDocumentType(Buffer.from(' %PDF-1.7'))).toBeNull();
    expect(sniffDocumentType(Buffer.from('%PD'))).toBeNull();
    expect(sniffDocumentType(Buffer.alloc(0))).toBeNull();
  });
});
