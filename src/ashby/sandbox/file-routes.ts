import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from './context.ts';
import { checkFileUrl } from './file-urls.ts';
import { resumeFileFor } from './resume-for-candidate.ts';
import { resumeFileName } from './resume-model.ts';

/** The S3 side of Ashby: presigned downloads (`file.info` URLs) and presigned multipart uploads. */
export function registerFileRoutes(app: FastifyInstance, getCtx: () => SandboxContext) {
  app.get<{ Params: { fileId: string }; Querystring: { expires?: string; signature?: string } }>(
    '/_files/:fileId',
    async (req, reply) => {
      const ctx = getCtx();
      const { fileId } = req.params;
      const check = checkFileUrl(ctx, fileId, req.query.expires, req.query.signature);
      if (check !== 'ok')
        return reply
          .code(403)
          .type('application/xml')
          .send(`<Error><Code>${check === 'expired' ? 'AccessDenied' : 'SignatureDoesNotMatch'}</Code></Error>`);
      const stored = ctx.org.files.get(fileId);
      if (stored) {
        return reply
          .type(stored.contentType)
          .header('content-disposition', `attachment; filename="${stored.name}"`)
          .send(stored.bytes);
      }
      const index = ctx.org.indexOf('resume', fileId);
      const candidate = index === undefined ? undefined : ctx.org.candidateBase(index);
      if (index === undefined || !candidate) return reply.code(404).send();
      const file = await ctx.resumeCache.get(fileId, async () => {
        const rendered = await resumeFileFor(ctx.org, index);
        if (!rendered) throw new Error('candidate has no resume');
        return rendered;
      });
      const name = resumeFileName(candidate.name, ctx.org.resumeLayout(index));
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(file.bytes);
    },
  );

  app.post<{ Params: { uploadId: string } }>('/_uploads/:uploadId', async (req, reply) => {
    const ctx = getCtx();
    const upload = ctx.uploads.get(req.params.uploadId);
    if (!upload) return reply.code(404).type('application/xml').send('<Error><Code>NoSuchUpload</Code></Error>');
    if (ctx.now() > upload.expiresAt)
      return reply
        .code(403)
        .type('application/xml')
        .send('<Error><Code>AccessDenied</Code><Message>Policy expired</Message></Error>');
    const contentType = String(req.headers['content-type'] ?? '');
    const form = await new Response(req.body as Buffer, { headers: { 'content-type': contentType } })
      .formData()
      .catch(() => undefined);
    const file = form?.get('file');
    if (!form || !(file instanceof Blob))
      return reply.code(400).type('application/xml').send('<Error><Code>MalformedPOSTRequest</Code></Error>');
    if (form.get('key') !== `uploads/${upload.id}/${upload.filename}`)
      return reply.code(403).type('application/xml').send('<Error><Code>AccessDenied</Code></Error>');
    const bytes = Buffer.from(await file.arrayBuffer());
    if (bytes.length > upload.contentLength)
      return reply.code(400).type('application/xml').send('<Error><Code>EntityTooLarge</Code></Error>');
    const existing = ctx.org.files.get(upload.fileId);
    if (existing) existing.bytes = bytes;
    else upload.fileId = ctx.org.storeFile(upload.filename, upload.contentType, bytes).id;
    upload.uploaded = true;
    return reply.code(204).send();
  });
}
