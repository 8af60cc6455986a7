import 'reflect-metadata';
import { expect } from 'chai';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsEmail, IsInt, IsPositive, ValidateNested } from 'class-validator';
import { Activities, Activity } from '../../index';
import { describeActivities } from '../../lib/metadata';
import { ActivityInputDecodeError, ActivityInputValidationError, decodeActivityInput } from '../../lib/workers/activity-input';

class Line {
  @IsInt() @IsPositive() quantity!: number;
}

class Order {
  @IsEmail() email!: string;
  @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => Line) lines!: Line[];
}

@Activities({ version: '1' })
class Orders {
  @Activity() async place(order: Order): Promise<boolean> {
    return order instanceof Order;
  }
  @Activity() async echo(value: string): Promise<string> {
    return value;
  }
}

const [place, echo] = describeActivities(Orders);

describe('decodeActivityInput', () => {
  it('builds and validates the DTO the method declares', async () => {
    const order = await decodeActivityInput(place, JSON.stringify({ email: 'a@b.co', lines: [{ quantity: 1 }] }));
    expect(order).to.be.instanceOf(Order);
    expect((order as Order).lines[0]).to.be.instanceOf(Line);
  });

  it('lists every violated constraint with its path', async () => {
    const error = await decodeActivityInput(place, JSON.stringify({ email: 'nope', lines: [{ quantity: 0 }] })).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ActivityInputValidationError);
    expect((error as ActivityInputValidationError).violations).to.deep.equal([
      'email: email must be an email (isEmail)',
      'lines.0.quantity: quantity must be a positive number (isPositive)',
    ]);
    expect((error as Error).message).to.equal(
      'The input of Orders.place (activity Orders.place 1) is invalid:\n' +
        '- email: email must be an email (isEmail)\n' +
        '- lines.0.quantity: quantity must be a positive number (isPositive)',
    );
  });

  it('rejects a non-object where a DTO is expected', async () => {
    const error = await decodeActivityInput(place, '42').catch((e: unknown) => e);
    expect((error as ActivityInputValidationError).violations).to.deep.equal(['expected an object for Order, got number']);
  });

  it('passes plain values through', async () => {
    expect(await decodeActivityInput(echo, '"hi"')).to.equal('hi');
    expect(await decodeActivityInput(echo, undefined)).to.equal(undefined);
  });

  it('says where input is not JSON', async () => {
    const error = await decodeActivityInput(echo, '{"a":').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ActivityInputDecodeError);
    expect((error as Error).message).to.match(/^The input of Orders\.echo \(activity Orders\.echo 1\) is not valid JSON: /);
  });
});
