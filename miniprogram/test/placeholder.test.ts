it('placeholder until the simulate smoke test lands', () => { expect(1).toBe(1) })
